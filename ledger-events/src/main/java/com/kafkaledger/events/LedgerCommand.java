package com.kafkaledger.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for the ledger, published on {@link Topics#COMMANDS} keyed by {@code accountId}.
 *
 * @param transactionId derived by the gateway from (caller, Idempotency-Key), so a retry carries
 *     the same id and the ledger applies it once
 * @param initiatorId who asked for it; becomes the owner on {@link CommandType#OPEN_ACCOUNT}
 * @param amount minor units, 1..10^15; null for {@link CommandType#OPEN_ACCOUNT}
 * @param fingerprint digest of the request body, to tell a retry from a different request
 * @param requestedAt when the gateway accepted it; the ledger takes its time from outside
 */
public record LedgerCommand(
    int schemaVersion,
    String transactionId,
    CommandType type,
    String accountId,
    String initiatorId,
    Long amount,
    String currency,
    String description,
    String fingerprint,
    Instant requestedAt) {

  public static final int SCHEMA_VERSION = 1;

  public LedgerCommand {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(currency, "currency");
  }

  public static LedgerCommand openAccount(
      String transactionId, String accountId, String ownerId, String currency, String fingerprint,
      Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, CommandType.OPEN_ACCOUNT, accountId,
        ownerId, null, currency, null, fingerprint, requestedAt);
  }

  public static LedgerCommand movement(
      String transactionId, CommandType type, String accountId, String initiatorId, long amount,
      String currency, String description, String fingerprint, Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, type, accountId, initiatorId, amount,
        currency, description, fingerprint, requestedAt);
  }
}
