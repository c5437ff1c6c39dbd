package com.kafkaledger.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for the ledger, published on {@link Topics#COMMANDS} keyed by {@code accountId}.
 *
 * @param transactionId derived by the gateway from (caller, Idempotency-Key), so a retry carries
 *     the same id and the ledger applies it once; all legs of a transfer share it
 * @param accountId the account the command applies to, also the record key
 * @param initiatorId who asked for it; becomes the owner on {@link CommandType#OPEN_ACCOUNT}
 * @param amount minor units, 1..10^15; null for commands that move no money
 * @param fingerprint digest of the request body, to tell a retry from a different request
 * @param requestedAt when the gateway accepted it; the ledger takes its time from outside
 * @param leg which part of a TRANSFER or CHARGE this is; null for one-account commands
 * @param counterpartyAccountId the other account of a TRANSFER or CHARGE leg
 * @param accountKind the kind of account to open, on {@link CommandType#OPEN_ACCOUNT}
 * @param overdraftLimit the new limit, on {@link CommandType#SET_OVERDRAFT_LIMIT}
 * @param reason why the credit leg failed, on a {@link Leg#REVERSAL}
 * @param initiatorRole the role of {@code initiatorId}, which the ledger checks again before it
 *     moves money (defence in depth against commands forged onto the topic)
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
    Instant requestedAt,
    Leg leg,
    String counterpartyAccountId,
    AccountKind accountKind,
    Long overdraftLimit,
    RejectionReason reason,
    Role initiatorRole) {

  public static final int SCHEMA_VERSION = 1;

  public LedgerCommand {
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(currency, "currency");
  }

  /** A one-account command (no leg, no counterparty). */
  public LedgerCommand(int schemaVersion, String transactionId, CommandType type, String accountId,
      String initiatorId, Long amount, String currency, String description, String fingerprint,
      Instant requestedAt) {
    this(schemaVersion, transactionId, type, accountId, initiatorId, amount, currency, description,
        fingerprint, requestedAt, null, null, null, null, null, null);
  }

  public static LedgerCommand openAccount(
      String transactionId, String accountId, String ownerId, String currency, String fingerprint,
      Instant requestedAt) {
    return openAccount(transactionId, accountId, ownerId, AccountKind.CUSTOMER, currency, fingerprint,
        requestedAt);
  }

  public static LedgerCommand openAccount(String transactionId, String accountId, String ownerId,
      AccountKind kind, String currency, String fingerprint, Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, CommandType.OPEN_ACCOUNT, accountId,
        ownerId, null, currency, null, fingerprint, requestedAt, null, null, kind, null, null, null);
  }

  /** A DEPOSIT or WITHDRAWAL. */
  public static LedgerCommand movement(
      String transactionId, CommandType type, String accountId, String initiatorId, long amount,
      String currency, String description, String fingerprint, Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, type, accountId, initiatorId, amount,
        currency, description, fingerprint, requestedAt);
  }

  /** The debit leg of a TRANSFER or CHARGE, keyed by the source account. */
  public static LedgerCommand debitLeg(String transactionId, CommandType type, String fromAccountId,
      String toAccountId, String initiatorId, long amount, String currency, String description,
      String fingerprint, Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, type, fromAccountId, initiatorId, amount,
        currency, description, fingerprint, requestedAt, Leg.DEBIT, toAccountId, null, null, null, null);
  }

  public static LedgerCommand closeAccount(String transactionId, String accountId, String initiatorId,
      String currency, String fingerprint, Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, CommandType.CLOSE_ACCOUNT, accountId,
        initiatorId, null, currency, null, fingerprint, requestedAt);
  }

  public static LedgerCommand setOverdraftLimit(String transactionId, String accountId,
      String initiatorId, String currency, long limit, String fingerprint, Instant requestedAt) {
    return new LedgerCommand(SCHEMA_VERSION, transactionId, CommandType.SET_OVERDRAFT_LIMIT, accountId,
        initiatorId, null, currency, null, fingerprint, requestedAt, null, null, null, limit, null, null);
  }

  /** The same command, initiated by a user in {@code role}. */
  public LedgerCommand byRole(Role role) {
    return new LedgerCommand(schemaVersion, transactionId, type, accountId, initiatorId, amount, currency,
        description, fingerprint, requestedAt, leg, counterpartyAccountId, accountKind, overdraftLimit,
        reason, role);
  }

  /** The credit leg that follows this debit leg, keyed by the destination. */
  public LedgerCommand creditLeg() {
    return new LedgerCommand(schemaVersion, transactionId, type, counterpartyAccountId, initiatorId,
        amount, currency, description, fingerprint, requestedAt, Leg.CREDIT, accountId, null, null, null,
        initiatorRole);
  }

  /** Returns the money of this failed credit leg to the source, keyed by the source. */
  public LedgerCommand reversalLeg(RejectionReason why) {
    return new LedgerCommand(schemaVersion, transactionId, type, counterpartyAccountId, initiatorId,
        amount, currency, description, fingerprint, requestedAt, Leg.REVERSAL, accountId, null, null, why,
        initiatorRole);
  }

  /**
   * What the ledger remembers as decided: the transaction for its first (or only) command, the
   * transaction and leg for the later legs, which may land in the same partition.
   */
  public String deduplicationKey() {
    return leg == null || leg == Leg.DEBIT ? transactionId : transactionId + "/" + leg;
  }
}
