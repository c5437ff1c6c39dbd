package com.kafkaledger.localcluster;

import java.util.ArrayDeque;
import java.util.Deque;

/** Everything started so far, stopped last-started-first, exactly once, whoever asks first. */
final class ShutdownSequence {

  /** How to stop one part, named for the messages. */
  record Stoppable(String name, Runnable stop) {}

  private final Deque<Stoppable> started = new ArrayDeque<>();
  private volatile boolean stopping;

  /**
   * Adds a part that has just been started. A shutdown that began meanwhile has missed it, so it
   * is stopped here at once and the start is abandoned.
   */
  synchronized void add(String name, Runnable stop) {
    if (stopping) {
      stop.run();
      throw new IllegalStateException("shutting down; " + name + " stopped again");
    }
    started.push(new Stoppable(name, stop));
  }

  boolean isStopping() {
    return stopping;
  }

  // Synchronized for its whole length: a part started while it runs waits and is then stopped by add().
  synchronized void stopAll() {
    if (stopping) {
      return;
    }
    stopping = true;
    while (!started.isEmpty()) {
      Stoppable part = started.pop();
      System.out.printf("stopping %s%n", part.name());
      try {
        part.stop().run();
      } catch (RuntimeException e) {
        System.out.printf("stopping %s failed: %s%n", part.name(), e);
      }
    }
  }
}
