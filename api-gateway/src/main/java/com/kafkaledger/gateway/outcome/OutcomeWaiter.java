package com.kafkaledger.gateway.outcome;

import com.kafkaledger.gateway.view.ViewClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Waits for something to show in the view. The view, not the ledger, is asked, so that once a
 * client sees an outcome its balance and history reads already include it.
 */
@Component
public class OutcomeWaiter {

  private static final Duration FIRST_POLL = Duration.ofMillis(5);
  private static final Duration MAX_POLL = Duration.ofMillis(100);

  private final ViewClient view;

  OutcomeWaiter(ViewClient view) {
    this.view = view;
  }

  public static boolean isFinal(Map<String, Object> transaction) {
    Object status = transaction.get("status");
    return status != null && !"PENDING".equals(status);
  }

  /** The transaction once it is COMPLETED or REJECTED, or empty if that takes longer than {@code patience}. */
  public Optional<Map<String, Object>> finalTransaction(String transactionId, Duration patience) {
    return await(() -> view.transaction(transactionId).filter(OutcomeWaiter::isFinal), patience);
  }

  /** The transaction with its internals, once the view has it in any state, or empty after {@code patience}. */
  public Optional<Map<String, Object>> transactionWithFingerprint(String transactionId, Duration patience) {
    return await(() -> view.transactionWithFingerprint(transactionId), patience);
  }

  public Optional<Map<String, Object>> account(String accountId, Duration patience) {
    return await(() -> view.account(accountId), patience);
  }

  private static <T> Optional<T> await(Supplier<Optional<T>> probe, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Duration pause = FIRST_POLL;
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent() || System.nanoTime() >= deadline) {
        return found;
      }
      try {
        Thread.sleep(Math.min(pause.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
    }
  }
}
