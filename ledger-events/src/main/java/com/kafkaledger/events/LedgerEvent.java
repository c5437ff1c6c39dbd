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
 * @param counterpartyAccountId the other side of the double entry: for deposits and withdrawals
 *     the currency's system account (the outside world)
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
    Instant occurredAt) {

  public static final int SCHEMA_VERSION = 1;

  @JsonIgnore // derived from type, not a field of the contract
  public boolean isRejection() {
    return type == EventType.REJECTED;
  }

  /** The signed change this event made to the account's balance. */
  public long balanceDelta() {
    return switch (type) {
      case DEPOSITED -> amount;
      case WITHDRAWN -> -amount;
      case ACCOUNT_OPENED, REJECTED -> 0;
    };
  }
}
