package com.kafkaledger.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the benchmark started and has not stopped yet. A part stops what it started itself
 * when it is done (try-with-resources on {@link #add}); on Ctrl-C the shutdown hook stops what is
 * left, newest first, so that no broker or database outlives the benchmark.
 */
public final class Cleanup {

  /** How to stop one started thing. */
  @FunctionalInterface
  public interface Stop {
    void run() throws Exception;
  }

  /** Stops its thing now, once; closing it again, or after {@link #stopAll}, does nothing. */
  public final class Started implements AutoCloseable {
    private final String name;
    private final Stop stop;
    private boolean stopped;

    private Started(String name, Stop stop) {
      this.name = name;
      this.stop = stop;
    }

    @Override
    public void close() {
      synchronized (Cleanup.this) {
        if (stopped) {
          return;
        }
        stopped = true;
        started.remove(this);
      }
      try {
        stop.run();
      } catch (Exception e) {
        System.out.printf("stopping %s failed: %s%n", name, e);
      }
    }
  }

  private final Deque<Started> started = new ArrayDeque<>();
  private volatile boolean stopping;

  /** Remembers how to stop something just started; after Ctrl-C it is stopped at once instead. */
  public Started add(String name, Stop stop) {
    Started entry = new Started(name, stop);
    synchronized (this) {
      if (!stopping) {
        started.push(entry);
        return entry;
      }
    }
    entry.close();
    throw new IllegalStateException("the benchmark is stopping; " + name + " stopped again");
  }

  /** Whether Ctrl-C (or the end of the program) is stopping everything: failures are expected now. */
  public boolean isStopping() {
    return stopping;
  }

  /** Stops everything still running, newest first. */
  public void stopAll() {
    stopping = true;
    while (true) {
      Started next;
      synchronized (this) {
        next = started.peek();
      }
      if (next == null) {
        return;
      }
      System.out.printf("stopping %s%n", next.name);
      next.close();
    }
  }
}
