package com.kafkaledger.gateway.outcome;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * How the gateway answers about a transaction: 202 with the status URL while it is pending, 200
 * with the final representation once decided (waiting for it first if the client said
 * {@code Prefer: wait=N}).
 */
@Component
public class TransactionAnswers {

  private final OutcomeWaiter waiter;

  TransactionAnswers(OutcomeWaiter waiter) {
    this.waiter = waiter;
  }

  public static URI location(String transactionId) {
    return URI.create("/api/v1/transactions/" + transactionId);
  }

  /** The answer to a submission: {@code current} is what is known of the transaction now. */
  public ResponseEntity<Map<String, Object>> submitted(String transactionId, Map<String, Object> current,
      Duration wait) {
    Map<String, Object> shown = awaitIfAsked(transactionId, current, wait);
    if (OutcomeWaiter.isFinal(shown)) {
      return ResponseEntity.ok().location(location(transactionId)).body(shown);
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    accepted.put("transactionId", transactionId);
    accepted.put("status", "PENDING");
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(transactionId)).body(accepted);
  }

  /** The answer to a status read: 200 with whatever is known, or 202 if a wait ran out. */
  public ResponseEntity<Map<String, Object>> status(String transactionId, Map<String, Object> current,
      Duration wait) {
    Map<String, Object> shown = awaitIfAsked(transactionId, current, wait);
    HttpStatus status = OutcomeWaiter.isFinal(shown) || wait.isZero() ? HttpStatus.OK : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).location(location(transactionId)).body(shown);
  }

  private Map<String, Object> awaitIfAsked(String transactionId, Map<String, Object> current, Duration wait) {
    if (OutcomeWaiter.isFinal(current) || wait.isZero()) {
      return current;
    }
    return waiter.finalTransaction(transactionId, wait).orElse(current);
  }
}
