package com.kafkaledger.gateway.idempotency;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an accepted transaction looks to clients until the ledger decides it. Kept as these fields,
 * not as the map clients see: each gateway remembers its recent submissions (100,000 by default), and
 * a map per submission was most of the gateway's live heap, copied by every young collection.
 */
public record PendingView(String transactionId, String type, Long amount, String currency,
    String fromAccountId, String toAccountId, String description, Instant createdAt) {

  /** The view's shape, as {@code GET /transactions/{id}} answers it. */
  public Map<String, Object> asMap() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("transactionId", transactionId);
    view.put("type", type);
    view.put("status", "PENDING");
    view.put("reason", null);
    view.put("amount", amount);
    view.put("currency", currency);
    view.put("fromAccountId", fromAccountId);
    view.put("toAccountId", toAccountId);
    view.put("description", description);
    view.put("createdAt", createdAt.toString());
    view.put("completedAt", null);
    return view;
  }
}
