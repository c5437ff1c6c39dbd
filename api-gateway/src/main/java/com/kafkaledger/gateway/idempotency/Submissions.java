package com.kafkaledger.gateway.idempotency;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.gateway.idempotency.RecentSubmissions.Submission;
import com.kafkaledger.gateway.ledger.CommandPublisher;
import com.kafkaledger.gateway.view.ViewClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Publishes a command once per transaction id: a retry of an accepted request returns what the
 * first one got, a different request under the same key is refused, and only a request nobody
 * has seen is published.
 */
@Component
public class Submissions {

  private final RecentSubmissions recent;
  private final ViewClient view;
  private final CommandPublisher publisher;
  private final MeterRegistry registry;

  Submissions(RecentSubmissions recent, ViewClient view, CommandPublisher publisher, MeterRegistry registry) {
    this.recent = recent;
    this.view = view;
    this.publisher = publisher;
    this.registry = registry;
  }

  /**
   * @param pendingView how the transaction looks until the ledger decides it
   * @return the transaction as clients see it now
   */
  public Map<String, Object> submit(LedgerCommand command, boolean retryable, Map<String, Object> pendingView) {
    if (retryable) {
      Optional<Map<String, Object>> earlier = earlier(command.transactionId(), command.fingerprint());
      if (earlier.isPresent()) {
        registry.counter("ledger.gateway.idempotent.replays").increment();
        return earlier.get();
      }
    }
    publisher.publish(command);
    recent.remember(new Submission(command.transactionId(), command.fingerprint(), command.initiatorId(),
        pendingView));
    return pendingView;
  }

  private Optional<Map<String, Object>> earlier(String transactionId, String fingerprint) {
    Optional<Submission> local = recent.find(transactionId);
    if (local.isPresent()) {
      requireSameRequest(transactionId, fingerprint, local.get().fingerprint());
      return Optional.of(view.transaction(transactionId).orElse(local.get().pendingView()));
    }
    return view.transactionWithFingerprint(transactionId).map(known -> {
      requireSameRequest(transactionId, fingerprint, (String) known.get("fingerprint"));
      Map<String, Object> visible = new HashMap<>(known);
      visible.remove("fingerprint");
      visible.remove("initiatorId");
      return visible;
    });
  }

  private static void requireSameRequest(String transactionId, String fingerprint, String earlier) {
    if (earlier != null && !earlier.equals(fingerprint)) {
      throw new IdempotencyConflictException(transactionId);
    }
  }
}
