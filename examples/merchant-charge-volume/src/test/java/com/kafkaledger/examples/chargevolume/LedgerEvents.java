package com.kafkaledger.examples.chargevolume;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.SystemAccounts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the ledger writes them (its own records), with gap-free sequences per account. */
final class LedgerEvents {

  private final Map<String, Long> sequences = new HashMap<>();

  /** A charge the ledger completed: the customer's debit, then the merchant's credit. */
  List<LedgerEvent> completedCharge(String customer, String merchant, long amount, String currency, Instant at) {
    String transaction = UUID.randomUUID().toString();
    return List.of(
        event(transaction, CommandType.CHARGE, customer, AccountKind.CUSTOMER, EventType.TRANSFER_DEBITED,
            amount, currency, merchant, null, at),
        event(transaction, CommandType.CHARGE, merchant, AccountKind.MERCHANT, EventType.TRANSFER_CREDITED,
            amount, currency, customer, null, at));
  }

  /** A charge whose credit failed: the customer's debit, then the money back to the customer. */
  List<LedgerEvent> reversedCharge(String customer, String merchant, long amount, String currency, Instant at) {
    String transaction = UUID.randomUUID().toString();
    return List.of(
        event(transaction, CommandType.CHARGE, customer, AccountKind.CUSTOMER, EventType.TRANSFER_DEBITED,
            amount, currency, merchant, null, at),
        event(transaction, CommandType.CHARGE, customer, AccountKind.CUSTOMER, EventType.TRANSFER_REVERSED,
            amount, currency, merchant, RejectionReason.ACCOUNT_CLOSED, at));
  }

  /** A charge the ledger refused outright: one REJECTED on the customer's account. */
  LedgerEvent rejectedCharge(String customer, String merchant, long amount, String currency, Instant at) {
    return event(UUID.randomUUID().toString(), CommandType.CHARGE, customer, AccountKind.CUSTOMER,
        EventType.REJECTED, amount, currency, null, RejectionReason.INSUFFICIENT_FUNDS, at);
  }

  /** A transfer (not a charge) between two accounts that completed. */
  List<LedgerEvent> completedTransfer(String from, String to, AccountKind toKind, long amount, String currency,
      Instant at) {
    String transaction = UUID.randomUUID().toString();
    return List.of(
        event(transaction, CommandType.TRANSFER, from, AccountKind.CUSTOMER, EventType.TRANSFER_DEBITED,
            amount, currency, to, null, at),
        event(transaction, CommandType.TRANSFER, to, toKind, EventType.TRANSFER_CREDITED,
            amount, currency, from, null, at));
  }

  LedgerEvent deposit(String account, AccountKind kind, long amount, String currency, Instant at) {
    return event(UUID.randomUUID().toString(), CommandType.DEPOSIT, account, kind, EventType.DEPOSITED,
        amount, currency, SystemAccounts.idFor(currency), null, at);
  }

  private LedgerEvent event(String transaction, CommandType transactionType, String account, AccountKind kind,
      EventType type, long amount, String currency, String counterparty, RejectionReason reason, Instant at) {
    long sequence = sequences.merge(account, 1L, Long::sum);
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), transaction,
        transactionType, account, sequence, type, amount, currency, 1_000_000L, 0L, counterparty, reason,
        null, null, "user-1", at, kind);
  }
}
