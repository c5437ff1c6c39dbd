package com.kafkaledger.view;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.SystemAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One account as the ledger would see it: builds the events the ledger would publish for it,
 * keeping its sequence, balance and clock. Each account has a fresh random id, and by default a
 * currency of its own, so that its system account belongs to the test alone.
 */
public final class TestAccount {

  private static final AtomicInteger CURRENCIES = new AtomicInteger();
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  private static final Instant EPOCH = Instant.parse("2025-03-01T09:00:00Z");

  public final String id = UUID.randomUUID().toString();
  public final String ownerId;
  public final String currency;
  /** An hour of its own per account, so that accounts created later also happen later. */
  private final Instant clockStart = EPOCH.plus(Duration.ofHours(ACCOUNTS.getAndIncrement()));
  private long sequence;
  private long balance;

  private TestAccount(String ownerId, String currency) {
    this.ownerId = ownerId;
    this.currency = currency;
  }

  /** In a currency no other test uses (e.g. "QAB"). */
  public static TestAccount inNewCurrency() {
    return new TestAccount("owner-" + UUID.randomUUID(), newCurrency());
  }

  public static TestAccount of(String ownerId, String currency) {
    return new TestAccount(ownerId, currency);
  }

  private static String newCurrency() {
    int number = CURRENCIES.getAndIncrement();
    return "Q" + (char) ('A' + number / 26 % 26) + (char) ('A' + number % 26);
  }

  public String systemAccountId() {
    return SystemAccounts.idFor(currency);
  }

  /** When this account's event with this sequence happens: a second apart. */
  public Instant timeOf(long sequence) {
    return clockStart.plus(Duration.ofSeconds(sequence));
  }

  public LedgerEvent opened() {
    return event(newTransactionId(), CommandType.OPEN_ACCOUNT, EventType.ACCOUNT_OPENED, null, null, null);
  }

  public LedgerEvent deposited(long amount) {
    return deposited(newTransactionId(), amount, "top-up");
  }

  public LedgerEvent deposited(String transactionId, long amount, String description) {
    balance += amount;
    return event(transactionId, CommandType.DEPOSIT, EventType.DEPOSITED, amount, null, description);
  }

  public LedgerEvent withdrawn(long amount) {
    balance -= amount;
    return event(newTransactionId(), CommandType.WITHDRAWAL, EventType.WITHDRAWN, amount, null, null);
  }

  public LedgerEvent rejectedWithdrawal(long amount, RejectionReason reason) {
    return event(newTransactionId(), CommandType.WITHDRAWAL, EventType.REJECTED, amount, reason, null);
  }

  /** The command the gateway publishes for a deposit, before the ledger has seen it. */
  public LedgerCommand depositCommand(String transactionId, long amount, String description) {
    return LedgerCommand.movement(transactionId, CommandType.DEPOSIT, id, ownerId, amount, currency,
        description, "fingerprint-" + transactionId, timeOf(sequence).plusMillis(500));
  }

  public static String newTransactionId() {
    return UUID.randomUUID().toString();
  }

  private LedgerEvent event(String transactionId, CommandType transactionType, EventType type,
      Long amount, RejectionReason reason, String description) {
    sequence++;
    boolean moves = type == EventType.DEPOSITED || type == EventType.WITHDRAWN;
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), transactionId,
        transactionType, id, sequence, type, amount, currency, balance, 0L,
        moves ? systemAccountId() : null, reason, description,
        type == EventType.ACCOUNT_OPENED ? ownerId : null, ownerId, timeOf(sequence));
  }
}
