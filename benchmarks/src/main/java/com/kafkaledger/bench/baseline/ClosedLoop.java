package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * N clients, each on its own connection, each starting its next movement as soon as the last one
 * committed (like pgbench -c N): the throughput the database gives that many callers.
 */
final class ClosedLoop {

  /** SQLSTATEs worth a retry: deadlock_detected and serialization_failure (none expected: locks go in id order). */
  private static final List<String> RETRYABLE = List.of("40P01", "40001");
  private static final long POLL_MILLIS = 100;

  /** Transactions committed in the measured window, per second, and how many attempts were retried. */
  record Outcome(double transactionsPerSecond, long transactions, long retries) {}

  /** Opens one client's connection. */
  @FunctionalInterface
  interface Connections {
    Connection open() throws SQLException;
  }

  private final LongAdder committed = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  private ClosedLoop() {}

  static Outcome run(BaselineWorkload workload, Connections connections, int clients, Duration warmUp,
      Duration measured) throws SQLException, InterruptedException {
    return new ClosedLoop().measure(workload, connections, clients, warmUp, measured);
  }

  private Outcome measure(BaselineWorkload workload, Connections connections, int clients, Duration warmUp,
      Duration measured) throws SQLException, InterruptedException {
    PgbenchScript script = workload.script();
    List<Connection> opened = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try {
      // Every client connects and prepares before any starts, so the warm-up is spent moving money.
      for (int i = 0; i < clients; i++) {
        Connection connection = connections.open();
        opened.add(connection);
        Movement movement = workload.prepare(connection, script);
        threads.add(new Thread(() -> runClient(movement), "baseline-client-" + i));
      }
      threads.forEach(Thread::start);
      sleepUnlessFailed(warmUp);
      long before = committed.sum();
      long start = System.nanoTime();
      sleepUnlessFailed(measured);
      long transactions = committed.sum() - before;
      double seconds = (System.nanoTime() - start) / 1e9;
      stop(threads);
      throwIfFailed();
      return new Outcome(transactions / seconds, transactions, retried.sum());
    } finally {
      stop(threads);
      for (Connection connection : opened) {
        closeQuietly(connection);
      }
    }
  }

  private void runClient(Movement movement) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try {
      while (running.get()) {
        var variables = movement.draw(random);
        while (!attempt(movement, variables)) {
          retried.increment();
        }
        committed.increment();
      }
    } catch (SQLException | RuntimeException e) {
      if (running.get()) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /** True once the transaction committed; false after a deadlock or serialization failure, rolled back. */
  private boolean attempt(Movement movement, java.util.Map<String, Long> variables) throws SQLException {
    try {
      movement.execute(variables);
      return true;
    } catch (SQLException e) {
      if (!RETRYABLE.contains(e.getSQLState()) || !running.get()) {
        throw e;
      }
      movement.rollback();
      return false;
    }
  }

  private void sleepUnlessFailed(Duration duration) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      throwIfFailed();
      Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  private void throwIfFailed() throws SQLException {
    Exception e = failure.get();
    if (e instanceof SQLException sql) {
      throw sql;
    }
    if (e != null) {
      throw new SQLException("a baseline client failed: " + e, e);
    }
  }

  // Clients finish the transaction they are in; none is cut off half-way.
  private void stop(List<Thread> threads) throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the run is over; the server may already be gone after Ctrl-C
    }
  }
}
