package com.kafkaledger.gateway.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What this gateway instance accepted lately, so that a status read or a retry right after the
 * 202 is answered before the view has caught up. Bounded: the oldest entries go first. The view
 * (fed by the command topic) is what every instance shares; this only covers its short lag.
 */
@Component
public class RecentSubmissions {

  private final Map<String, Submission> byTransactionId;

  public RecentSubmissions(@Value("${ledger.gateway.recent-submissions-capacity:100000}") int capacity) {
    this.byTransactionId = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Submission> eldest) {
        return size() > capacity;
      }
    };
  }

  public synchronized void remember(Submission submission) {
    byTransactionId.put(submission.transactionId(), submission);
  }

  public synchronized Optional<Submission> find(String transactionId) {
    return Optional.ofNullable(byTransactionId.get(transactionId));
  }

  /** An accepted request, as the pending transaction clients see before the ledger decides. */
  public record Submission(String transactionId, String fingerprint, String initiatorId,
      PendingView pendingView) {}
}
