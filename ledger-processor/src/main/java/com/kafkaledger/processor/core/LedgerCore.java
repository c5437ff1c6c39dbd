package com.kafkaledger.processor.core;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.SystemAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The ledger's rules as one deterministic function: given an account's state, whether the
 * transaction was already decided, one command and the time, return the new state and the one
 * outcome event. No I/O, no clock, no framework: the Kafka Streams processor around it loads and
 * stores state.
 */
public final class LedgerCore {

  /** The largest amount one command may move, in minor units. */
  public static final long MAX_AMOUNT = 1_000_000_000_000_000L;

  private final long defaultOverdraftLimit;

  public LedgerCore(long defaultOverdraftLimit) {
    if (defaultOverdraftLimit < 0) {
      throw new IllegalArgumentException("defaultOverdraftLimit must not be negative");
    }
    this.defaultOverdraftLimit = defaultOverdraftLimit;
  }

  /**
   * @param account the state of the command's account, null if it was never opened
   * @param previous the earlier decision on the same transaction, null if there is none
   */
  public Decision decide(AccountState account, ProcessedTransaction previous, LedgerCommand command,
      Instant now) {
    if (previous != null) {
      return Decision.duplicateOf(account);
    }
    requireWellFormed(command);
    return switch (command.type()) {
      case OPEN_ACCOUNT -> open(account, command, now);
      case DEPOSIT, WITHDRAWAL -> move(account, command, now);
    };
  }

  private Decision open(AccountState account, LedgerCommand command, Instant now) {
    if (account != null) {
      return reject(account, command, RejectionReason.ACCOUNT_ALREADY_EXISTS, now);
    }
    AccountState opened = new AccountState(command.accountId(), command.initiatorId(),
        command.currency(), 0, defaultOverdraftLimit, AccountStatus.OPEN, 1);
    return Decision.of(opened, event(opened, command, EventType.ACCOUNT_OPENED, null, null, now));
  }

  private Decision move(AccountState account, LedgerCommand command, Instant now) {
    if (account == null) {
      return Decision.of(null, rejectionOfUnknownAccount(command, now));
    }
    if (account.status() == AccountStatus.CLOSED) {
      return reject(account, command, RejectionReason.ACCOUNT_CLOSED, now);
    }
    if (!account.currency().equals(command.currency())) {
      return reject(account, command, RejectionReason.CURRENCY_MISMATCH, now);
    }
    long amount = command.amount();
    boolean deposit = command.type() == CommandType.DEPOSIT;
    long newBalance;
    try {
      newBalance = deposit ? Math.addExact(account.balance(), amount)
          : Math.subtractExact(account.balance(), amount);
    } catch (ArithmeticException overflow) {
      return reject(account, command, RejectionReason.BALANCE_LIMIT_EXCEEDED, now);
    }
    if (newBalance < account.floor()) {
      return reject(account, command, RejectionReason.INSUFFICIENT_FUNDS, now);
    }
    AccountState moved = account.withMovement(newBalance);
    EventType type = deposit ? EventType.DEPOSITED : EventType.WITHDRAWN;
    return Decision.of(moved, event(moved, command, type, SystemAccounts.idFor(command.currency()), null, now));
  }

  private static Decision reject(AccountState account, LedgerCommand command, RejectionReason reason,
      Instant now) {
    AccountState next = account.withNextSequence();
    return Decision.of(next, event(next, command, EventType.REJECTED, null, reason, now));
  }

  /** Belongs to no account's history: there is no account, so its sequence is 0. */
  private static LedgerEvent rejectionOfUnknownAccount(LedgerCommand command, Instant now) {
    String eventId = uuid("rejected/" + command.transactionId() + "/" + command.accountId());
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, eventId, command.transactionId(),
        command.type(), command.accountId(), 0, EventType.REJECTED, command.amount(),
        command.currency(), null, null, null, RejectionReason.ACCOUNT_NOT_FOUND,
        command.description(), null, command.initiatorId(), now);
  }

  private static LedgerEvent event(AccountState after, LedgerCommand command, EventType type,
      String counterparty, RejectionReason reason, Instant now) {
    // Derived from (account, sequence), so a replay after a crash produces the same id.
    String eventId = uuid(after.accountId() + "/" + after.sequence());
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, eventId, command.transactionId(),
        command.type(), after.accountId(), after.sequence(), type, command.amount(),
        command.currency(), after.balance(), after.overdraftLimit(), counterparty, reason,
        command.description(), after.ownerId(), command.initiatorId(), now);
  }

  private static void requireWellFormed(LedgerCommand command) {
    if (command.type() == CommandType.OPEN_ACCOUNT) {
      return;
    }
    Long amount = command.amount();
    if (amount == null || amount < 1 || amount > MAX_AMOUNT) {
      throw new IllegalArgumentException("amount must be 1.." + MAX_AMOUNT + ", was " + amount
          + " in transaction " + command.transactionId());
    }
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
