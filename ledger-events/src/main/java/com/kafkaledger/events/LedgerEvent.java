package com.kafkaledger.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * One change to an account, or one rejected command, published on {@link Topics#EVENTS} keyed by
 * {@code accountId}. The public contract for downstream consumers; see
 * {@code schemas/ledger-event.schema.json}.
 *
 * @param sequence per account, gap-free from 1; 0 only for a rejection of a command whose account
 *     does not exist (such events belong to no account's history)
 * @param balanceAfter the account's balance after this event (unchanged by a rejection); null
 *     when the account does not exist
 * @param counterpartyAccountId the other side: for deposits and withdrawals the currency's system
 *     account, for transfer legs the other account
 * @param accountKind the account's kind; null when the account does not exist
 */
public record LedgerEvent(
    int schemaVersion,
    String eventId,
    String transactionId,
    CommandType transactionType,
    String accountId,
    long sequence,
    EventType type,
    Long amount,
    String currency,
    Long balanceAfter,
    Long overdraftLimit,
    String counterpartyAccountId,
    RejectionReason reason,
    String description,
    String ownerId,
    String initiatorId,
    Instant occurredAt,
    AccountKind accountKind) {

  public static final int SCHEMA_VERSION = 1;

  /** An event of a customer account, as of the first version of the contract. */
  public LedgerEvent(int schemaVersion, String eventId, String transactionId, CommandType transactionType,
      String accountId, long sequence, EventType type, Long amount, String currency, Long balanceAfter,
      Long overdraftLimit, String counterpartyAccountId, RejectionReason reason, String description,
      String ownerId, String initiatorId, Instant occurredAt) {
    this(schemaVersion, eventId, transactionId, transactionType, accountId, sequence, type, amount,
        currency, balanceAfter, overdraftLimit, counterpartyAccountId, reason, description, ownerId,
        initiatorId, occurredAt, sequence == 0 ? null : AccountKind.CUSTOMER);
  }

  @JsonIgnore // derived from type, not a field of the contract
  public boolean isRejection() {
    return type == EventType.REJECTED;
  }

  /** The signed change this event made to the account's balance. */
  public long balanceDelta() {
    return switch (type) {
      case DEPOSITED, TRANSFER_CREDITED, TRANSFER_REVERSED -> amount;
      case WITHDRAWN, TRANSFER_DEBITED -> -amount;
      case ACCOUNT_OPENED, ACCOUNT_CLOSED, OVERDRAFT_LIMIT_SET, REJECTED -> 0;
    };
  }

  /** The signed change to the currency's system account (the outside world). */
  public long systemDelta() {
    return switch (type) {
      case DEPOSITED -> -amount;
      case WITHDRAWN -> amount;
      default -> 0;
    };
  }

  /** The signed change to the currency's transit account (money between two legs). */
  public long transitDelta() {
    return switch (type) {
      case TRANSFER_DEBITED -> amount;
      case TRANSFER_CREDITED, TRANSFER_REVERSED -> -amount;
      default -> 0;
    };
  }

  /** The account the other side of this event's double entry is posted to, if any. */
  @JsonIgnore
  public String ledgerCounterAccountId() {
    if (systemDelta() != 0) {
      return SystemAccounts.idFor(currency);
    }
    return transitDelta() != 0 ? SystemAccounts.transitIdFor(currency) : null;
  }
}
