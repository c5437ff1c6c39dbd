package com.kafkaledger.view;

import com.kafkaledger.events.AccountKind;
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
 * keeping its sequence, balance, limit and clock. Each account has a fresh random id, and by
 * default a currency of its own, so that its system and transit accounts belong to the test alone.
 */
public final class TestAccount {

  private static final AtomicInteger CURRENCIES = new AtomicInteger();
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  private static final Instant EPOCH = Instant.parse("2025-03-01T09:00:00Z");

  public final String id = UUID.randomUUID().toString();
  public final String ownerId;
  public final String currency;
  public final AccountKind kind;
  /** An hour of its own per account, so that accounts created later also happen later. */
  private final Instant clockStart = EPOCH.plus(Duration.ofHours(ACCOUNTS.getAndIncrement()));
  private long sequence;
  private long balance;
  private long overdraftLimit;

  private TestAccount(String ownerId, String currency, AccountKind kind) {
    this.ownerId = ownerId;
    this.currency = currency;
    this.kind = kind;
  }

  /** In a currency no other test uses (e.g. "QAB"). */
  public static TestAccount inNewCurrency() {
    return new TestAccount("owner-" + UUID.randomUUID(), newCurrency(), AccountKind.CUSTOMER);
  }

  public static TestAccount of(String ownerId, String currency) {
    return new TestAccount(ownerId, currency, AccountKind.CUSTOMER);
  }

  public static TestAccount merchant(String ownerId, String currency) {
    return new TestAccount(ownerId, currency, AccountKind.MERCHANT);
  }

  private static String newCurrency() {
    int number = CURRENCIES.getAndIncrement();
    return "Q" + (char) ('A' + number / 26 % 26) + (char) ('A' + number % 26);
  }

  public String systemAccountId() {
    return SystemAccounts.idFor(currency);
  }

  public String transitAccountId() {
    return SystemAccounts.transitIdFor(currency);
  }

  /** When this account's event with this sequence happens: a second apart. */
  public Instant timeOf(long sequence) {
    return clockStart.plus(Duration.ofSeconds(sequence));
  }

  public LedgerEvent opened() {
    return event(newTransactionId(), CommandType.OPEN_ACCOUNT, EventType.ACCOUNT_OPENED, null, null, null, null,
        ownerId);
  }

  public LedgerEvent deposited(long amount) {
    return deposited(newTransactionId(), amount, "top-up");
  }

  public LedgerEvent deposited(String transactionId, long amount, String description) {
    balance += amount;
    return event(transactionId, CommandType.DEPOSIT, EventType.DEPOSITED, amount, systemAccountId(), null,
        description, ownerId);
  }

  public LedgerEvent withdrawn(long amount) {
    balance -= amount;
    return event(newTransactionId(), CommandType.WITHDRAWAL, EventType.WITHDRAWN, amount, systemAccountId(),
        null, null, ownerId);
  }

  public LedgerEvent rejectedWithdrawal(long amount, RejectionReason reason) {
    return event(newTransactionId(), CommandType.WITHDRAWAL, EventType.REJECTED, amount, null, reason, null,
        ownerId);
  }

  /** The source's leg of a TRANSFER or CHARGE: the money goes into transit. */
  public LedgerEvent debited(String transactionId, CommandType type, TestAccount destination, long amount,
      String description) {
    balance -= amount;
    return event(transactionId, type, EventType.TRANSFER_DEBITED, amount, destination.id, null, description,
        initiator(type, this, destination));
  }

  /** The destination's leg of a TRANSFER or CHARGE: the money leaves transit. */
  public LedgerEvent credited(String transactionId, CommandType type, TestAccount source, long amount,
      String description) {
    balance += amount;
    return event(transactionId, type, EventType.TRANSFER_CREDITED, amount, source.id, null, description,
        initiator(type, source, this));
  }

  /** The source gets back what it was debited, as the credit could not be applied. */
  public LedgerEvent reversed(String transactionId, CommandType type, TestAccount destination, long amount,
      RejectionReason reason) {
    balance += amount;
    return event(transactionId, type, EventType.TRANSFER_REVERSED, amount, destination.id, reason, null,
        initiator(type, this, destination));
  }

  public LedgerEvent closed() {
    return event(newTransactionId(), CommandType.CLOSE_ACCOUNT, EventType.ACCOUNT_CLOSED, null, null, null, null,
        ownerId);
  }

  public LedgerEvent overdraftLimitSet(long limit) {
    overdraftLimit = limit;
    return event(newTransactionId(), CommandType.SET_OVERDRAFT_LIMIT, EventType.OVERDRAFT_LIMIT_SET, null, null,
        null, null, "operator");
  }

  /** The command the gateway publishes for a deposit, before the ledger has seen it. */
  public LedgerCommand depositCommand(String transactionId, long amount, String description) {
    return LedgerCommand.movement(transactionId, CommandType.DEPOSIT, id, ownerId, amount, currency,
        description, "fingerprint-" + transactionId, timeOf(sequence).plusMillis(500));
  }

  /** The command the gateway publishes for a TRANSFER or CHARGE: the debit leg, keyed by this source. */
  public LedgerCommand debitCommand(String transactionId, CommandType type, TestAccount destination,
      long amount, String description) {
    return LedgerCommand.debitLeg(transactionId, type, id, destination.id, initiator(type, this, destination),
        amount, currency, description, "fingerprint-" + transactionId, timeOf(sequence).plusMillis(500));
  }

  public static String newTransactionId() {
    return UUID.randomUUID().toString();
  }

  /** The ledger copies the command's initiator into every leg: the payer, or the charging merchant. */
  private static String initiator(CommandType type, TestAccount source, TestAccount destination) {
    return type == CommandType.CHARGE ? destination.ownerId : source.ownerId;
  }

  private LedgerEvent event(String transactionId, CommandType transactionType, EventType type, Long amount,
      String counterpartyAccountId, RejectionReason reason, String description, String initiatorId) {
    sequence++;
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), transactionId,
        transactionType, id, sequence, type, amount, currency, balance, overdraftLimit, counterpartyAccountId,
        reason, description, type == EventType.ACCOUNT_OPENED ? ownerId : null, initiatorId, timeOf(sequence),
        kind);
  }
}
