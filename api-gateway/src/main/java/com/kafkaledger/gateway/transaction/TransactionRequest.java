package com.kafkaledger.gateway.transaction;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.SystemAccounts;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.PendingView;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A validated {@code POST /api/v1/transactions} body. */
record TransactionRequest(CommandType type, String accountId, long amount, String currency,
    String description) {

  private static final Set<String> FIELDS = Set.of("type", "accountId", "amount", "currency", "description");

  static TransactionRequest parse(JsonNode body) {
    JsonFields fields = JsonFields.of(body, FIELDS);
    CommandType type = type(body);
    String accountId = fields.accountId("accountId");
    Long amount = fields.amount("amount");
    String currency = fields.currency("currency");
    String description = fields.optionalText("description", JsonFields.MAX_DESCRIPTION_LENGTH);
    fields.validate();
    return new TransactionRequest(type, accountId, amount, currency, description);
  }

  private static CommandType type(JsonNode body) {
    JsonNode type = body.get("type");
    if (type == null || !type.isString()) {
      throw InvalidRequestException.of("type", "is required: DEPOSIT or WITHDRAWAL");
    }
    return switch (type.stringValue()) {
      case "DEPOSIT" -> CommandType.DEPOSIT;
      case "WITHDRAWAL" -> CommandType.WITHDRAWAL;
      default -> throw InvalidRequestException.of("type", "must be DEPOSIT or WITHDRAWAL");
    };
  }

  String fingerprint() {
    return IdempotencyKeys.fingerprint(type, accountId, amount, currency, description);
  }

  LedgerCommand toCommand(String transactionId, Caller caller, Instant now) {
    return LedgerCommand.movement(transactionId, type, accountId, caller.id(), amount, currency,
        description, fingerprint(), now);
  }

  /** The representation of this transaction before the ledger decided it. */
  Map<String, Object> pendingView(String transactionId, Instant now) {
    String system = SystemAccounts.idFor(currency);
    boolean deposit = type == CommandType.DEPOSIT;
    return PendingView.of(transactionId, type.name(), amount, currency, deposit ? system : accountId,
        deposit ? accountId : system, description, now);
  }
}
