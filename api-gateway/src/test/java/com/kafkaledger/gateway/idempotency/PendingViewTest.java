package com.kafkaledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingViewTest {

  @Test
  void aRememberedSubmissionIsAnsweredInTheViewsShapeUntilTheLedgerDecides() {
    var pending = new PendingView("t-1", "TRANSFER", 1250L, "EUR", "from-1", "to-1", "rent",
        Instant.parse("2026-11-24T07:00:00Z"));

    Map<String, Object> shown = pending.asMap();

    assertThat(shown.keySet()).containsExactly("transactionId", "type", "status", "reason", "amount",
        "currency", "fromAccountId", "toAccountId", "description", "createdAt", "completedAt");
    assertThat(shown).containsEntry("transactionId", "t-1").containsEntry("type", "TRANSFER")
        .containsEntry("status", "PENDING").containsEntry("reason", null).containsEntry("amount", 1250L)
        .containsEntry("currency", "EUR").containsEntry("fromAccountId", "from-1")
        .containsEntry("toAccountId", "to-1").containsEntry("description", "rent")
        .containsEntry("createdAt", "2026-11-24T07:00:00Z").containsEntry("completedAt", null);
  }

  @Test
  void eachAnswerIsItsOwnMapSoNoCallerChangesTheRememberedOne() {
    var pending = new PendingView("t-2", "DEPOSIT", 5L, "USD", "system", "to-2", null, Instant.EPOCH);

    pending.asMap().put("status", "COMPLETED");

    assertThat(pending.asMap()).containsEntry("status", "PENDING");
  }
}
