package com.kafkaledger.gateway.transaction;

import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.Submissions.NewTransaction;
import com.kafkaledger.gateway.idempotency.UnkeyedTransactionIds;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns a submitted movement into what to publish: validated, authorized and given its id. */
@Component
class TransactionIntake {

  private final TransactionAccess access;
  private final UnkeyedTransactionIds unkeyedIds;
  private final Clock clock;

  TransactionIntake(TransactionAccess access, UnkeyedTransactionIds unkeyedIds, Clock clock) {
    this.access = access;
    this.unkeyedIds = unkeyedIds;
    this.clock = clock;
  }

  /**
   * @param idempotencyKey the client's key, already validated, or null (then the id is minted)
   * @throws RuntimeException the problem to answer with: invalid, forbidden, not found, ...
   */
  NewTransaction prepare(Caller caller, JsonNode body, String idempotencyKey) {
    TransactionRequest request = access.authorize(caller, TransactionRequest.parse(body));
    String transactionId = idempotencyKey == null
        ? unkeyedIds.mint(caller)
        : IdempotencyKeys.derive("transaction", caller, idempotencyKey);
    Instant now = clock.instant();
    return new NewTransaction(request.toCommand(transactionId, caller, now), idempotencyKey != null,
        request.pendingView(transactionId, now));
  }
}
