package com.kafkaledger.gateway.idempotency;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How an accepted transaction looks to clients until the ledger decides it: the view's shape. */
public final class PendingView {

  private PendingView() {}

  public static Map<String, Object> of(String transactionId, String type, Long amount, String currency,
      String fromAccountId, String toAccountId, String description, Instant createdAt) {
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
