package com.kafkaledger.gateway.transaction;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.SystemAccounts;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.PendingView;
import com.kafkaledger.gateway.request.FieldError;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code POST /api/v1/transactions} body. DEPOSIT and WITHDRAWAL name one account;
 * TRANSFER names the account to debit ({@code fromAccountId}) and the one to credit
 * ({@code toAccountId}); CHARGE names the customer's wallet to debit, and credits the calling
 * merchant's own account.
 */
record TransactionRequest(CommandType type, String fromAccountId, String toAccountId, long amount,
    String currency, String description) {

  private static final Map<CommandType, Set<String>> FIELDS = Map.of(
      CommandType.DEPOSIT, Set.of("type", "accountId", "amount", "currency", "description"),
      CommandType.WITHDRAWAL, Set.of("type", "accountId", "amount", "currency", "description"),
      CommandType.TRANSFER, Set.of("type", "fromAccountId", "toAccountId", "amount", "currency", "description"),
      CommandType.CHARGE, Set.of("type", "fromAccountId", "amount", "currency", "description"));

  static TransactionRequest parse(JsonNode body) {
    CommandType type = type(body);
    JsonFields fields = JsonFields.of(body, FIELDS.get(type));
    String from;
    String to;
    if (type == CommandType.TRANSFER) {
      from = fields.accountId("fromAccountId");
      to = fields.accountId("toAccountId");
    } else if (type == CommandType.CHARGE) {
      from = fields.accountId("fromAccountId");
      to = null; // the charging merchant's own account, filled in by withDestination
    } else {
      String account = fields.accountId("accountId");
      from = type == CommandType.WITHDRAWAL ? account : null;
      to = type == CommandType.DEPOSIT ? account : null;
    }
    Long amount = fields.amount("amount");
    String currency = fields.currency("currency");
    String description = type == CommandType.CHARGE
        ? fields.requiredText("description", JsonFields.MAX_DESCRIPTION_LENGTH)
        : fields.optionalText("description", JsonFields.MAX_DESCRIPTION_LENGTH);
    fields.validate();
    if (type == CommandType.TRANSFER && from.equals(to)) {
      throw new InvalidRequestException(List.of(
          new FieldError("toAccountId", "must be a different account than fromAccountId")));
    }
    return new TransactionRequest(type, from, to, amount, currency, description);
  }

  private static CommandType type(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw InvalidRequestException.of("body", "must be a JSON object");
    }
    JsonNode type = body.get("type");
    if (type == null || !type.isString()) {
      throw InvalidRequestException.of("type", "is required: DEPOSIT, WITHDRAWAL, TRANSFER or CHARGE");
    }
    return switch (type.stringValue()) {
      case "DEPOSIT" -> CommandType.DEPOSIT;
      case "WITHDRAWAL" -> CommandType.WITHDRAWAL;
      case "TRANSFER" -> CommandType.TRANSFER;
      case "CHARGE" -> CommandType.CHARGE;
      default -> throw InvalidRequestException.of("type", "must be DEPOSIT, WITHDRAWAL, TRANSFER or CHARGE");
    };
  }

  /** The CHARGE with the merchant's account to credit. */
  TransactionRequest withDestination(String merchantAccountId) {
    return new TransactionRequest(type, fromAccountId, merchantAccountId, amount, currency, description);
  }

  String fingerprint() {
    return IdempotencyKeys.fingerprint(type, fromAccountId, toAccountId, amount, currency, description);
  }

  LedgerCommand toCommand(String transactionId, Caller caller, Instant now) {
    return command(transactionId, caller, now).byRole(caller.role());
  }

  private LedgerCommand command(String transactionId, Caller caller, Instant now) {
    return switch (type) {
      case DEPOSIT -> LedgerCommand.movement(transactionId, type, toAccountId, caller.id(), amount,
          currency, description, fingerprint(), now);
      case WITHDRAWAL -> LedgerCommand.movement(transactionId, type, fromAccountId, caller.id(), amount,
          currency, description, fingerprint(), now);
      default -> LedgerCommand.debitLeg(transactionId, type, fromAccountId, toAccountId, caller.id(),
          amount, currency, description, fingerprint(), now);
    };
  }

  /** The representation of this transaction before the ledger decided it. */
  PendingView pendingView(String transactionId, Instant now) {
    String system = SystemAccounts.idFor(currency);
    return new PendingView(transactionId, type.name(), amount, currency,
        fromAccountId == null ? system : fromAccountId, toAccountId == null ? system : toAccountId,
        description, now);
  }
}
