package com.kafkaledger.localcluster;

import com.kafkaledger.localcluster.process.ChildProcess;
import com.kafkaledger.localcluster.process.LogTail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Polls started processes until each answers its readiness probe, one gives up, or time runs out. */
final class ReadinessWait {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  private static final int LOG_LINES = 40;

  /** A process and the question that tells whether it is ready. */
  record Awaited(ChildProcess process, BooleanSupplier isReady) {}

  private ReadinessWait() {}

  static void awaitAll(List<Awaited> awaited, Instant deadline, Duration timeout)
      throws StartupFailure, InterruptedException {
    List<Awaited> pending = new ArrayList<>(awaited);
    while (!pending.isEmpty()) {
      for (Awaited part : List.copyOf(pending)) {
        ChildProcess process = part.process();
        if (!process.isAlive()) {
          throw new StartupFailure(process.name() + " exited with code " + process.exitCode() + " while starting"
              + System.lineSeparator() + LogTail.describe(process.logFile(), LOG_LINES));
        }
        if (part.isReady().getAsBoolean()) {
          System.out.printf("%s is ready%n", process.name());
          pending.remove(part);
        }
      }
      if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
        throw notReadyInTime(pending, timeout);
      }
      if (!pending.isEmpty()) {
        Thread.sleep(POLL_INTERVAL.toMillis());
      }
    }
  }

  private static StartupFailure notReadyInTime(List<Awaited> pending, Duration timeout) {
    StringBuilder message = new StringBuilder("not healthy after " + timeout.toSeconds()
        + " s (LEDGER_STARTUP_TIMEOUT_SECONDS):");
    pending.forEach(part -> message.append(' ').append(part.process().name()));
    pending.forEach(part -> message.append(System.lineSeparator())
        .append(LogTail.describe(part.process().logFile(), LOG_LINES)));
    return new StartupFailure(message.toString());
  }
}
