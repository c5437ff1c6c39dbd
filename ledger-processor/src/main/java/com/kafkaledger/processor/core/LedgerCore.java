package com.kafkaledger.processor.core;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.Leg;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.SystemAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The ledger's rules as one deterministic function: given an account's state, whether the
 * command was already decided, the command and the time, return the new state, the one outcome
 * event and, for a transfer, the next leg. No I/O, no clock, no framework: the Kafka Streams
 * processor around it loads and stores state and sends what it returns.
 */
public final class LedgerCore {

  /** The largest amount one command may move, or one overdraft limit, in minor units. */
  public static final long MAX_AMOUNT = 1_000_000_000_000_000L;

  /**
   * The highest balance a deposit or a credit may leave, in minor units: far below the 64-bit
   * limit, so that the reversals of transfers still travelling (which cannot be refused) fit.
   */
  public static final long MAX_BALANCE = 1_000_000_000_000_000_000L;

  private final long defaultOverdraftLimit;

  public LedgerCore(long defaultOverdraftLimit) {
    if (defaultOverdraftLimit < 0 || defaultOverdraftLimit > MAX_AMOUNT) {
      throw new IllegalArgumentException("defaultOverdraftLimit must be 0.." + MAX_AMOUNT);
    }
    this.defaultOverdraftLimit = defaultOverdraftLimit;
  }

  /**
   * @param account the state of the command's account, null if it was never opened
   * @param previous the earlier decision on the same command, null if there is none
   */
  public Decision decide(AccountState account, ProcessedTransaction previous, LedgerCommand command,
      Instant now) {
    if (previous != null) {
      return Decision.duplicateOf(account);
    }
    String refusal = CommandRules.refusal(command);
    if (refusal != null) {
      throw new IllegalArgumentException(refusal + " in transaction " + command.transactionId());
    }
    Step step = new Step(account, command, now);
    return switch (command.type()) {
      case OPEN_ACCOUNT -> open(step);
      case DEPOSIT, WITHDRAWAL -> move(step);
      case TRANSFER, CHARGE -> switch (command.leg()) {
        case DEBIT -> debit(step);
        case CREDIT -> credit(step);
        case REVERSAL -> reverse(step);
      };
      case CLOSE_ACCOUNT -> close(step);
      case SET_OVERDRAFT_LIMIT -> setOverdraftLimit(step);
    };
  }

  private Decision open(Step step) {
    if (step.account != null) {
      return step.reject(RejectionReason.ACCOUNT_ALREADY_EXISTS);
    }
    if (!step.authorized()) {
      return step.reject(RejectionReason.NOT_AUTHORIZED);
    }
    LedgerCommand command = step.command;
    AccountKind kind = Authority.kindToOpen(command);
    AccountState opened = new AccountState(command.accountId(), command.initiatorId(), kind,
        command.currency(), 0, defaultOverdraftLimit, AccountStatus.OPEN, 1);
    return Decision.of(opened, step.event(opened, EventType.ACCOUNT_OPENED, null, null));
  }

  private static Decision move(Step step) {
    RejectionReason refused = step.refusal();
    if (refused != null) {
      return step.reject(refused);
    }
    boolean deposit = step.command.type() == CommandType.DEPOSIT;
    Long newBalance = deposit ? step.creditedBalance() : step.debitedBalance();
    if (newBalance == null) {
      return step.reject(deposit ? RejectionReason.BALANCE_LIMIT_EXCEEDED : RejectionReason.INSUFFICIENT_FUNDS);
    }
    AccountState moved = step.account.withBalance(newBalance);
    EventType type = deposit ? EventType.DEPOSITED : EventType.WITHDRAWN;
    return Decision.of(moved, step.event(moved, type, SystemAccounts.idFor(step.command.currency()), null));
  }

  /** First leg: take the money from the source; it is in transit until the credit or reversal. */
  private static Decision debit(Step step) {
    RejectionReason refused = step.refusal();
    if (refused != null) {
      return step.reject(refused);
    }
    Long newBalance = step.debitedBalance();
    if (newBalance == null) {
      return step.reject(RejectionReason.INSUFFICIENT_FUNDS);
    }
    AccountState debited = step.account.withBalance(newBalance);
    LedgerCommand command = step.command;
    return Decision.of(debited,
        step.event(debited, EventType.TRANSFER_DEBITED, command.counterpartyAccountId(), null),
        command.creditLeg());
  }

  /** Second leg: give the money to the destination, or send it back to the source. */
  private static Decision credit(Step step) {
    RejectionReason refused = creditRefusal(step);
    Long newBalance = refused == null ? step.creditedBalance() : null;
    if (refused == null && newBalance == null) {
      refused = RejectionReason.BALANCE_LIMIT_EXCEEDED;
    }
    if (refused != null) {
      // No event here: the reversal's event on the source is the transaction's one outcome.
      return Decision.of(step.account, null, step.command.reversalLeg(refused));
    }
    AccountState credited = step.account.withBalance(newBalance);
    return Decision.of(credited,
        step.event(credited, EventType.TRANSFER_CREDITED, step.command.counterpartyAccountId(), null));
  }

  /** Why the destination cannot take the money: its state, then what it is, then who asked. */
  private static RejectionReason creditRefusal(Step step) {
    RejectionReason unusable = step.unusableAccount();
    if (unusable != null) {
      return unusable;
    }
    if (step.command.type() == CommandType.CHARGE && step.account.kind() != AccountKind.MERCHANT) {
      return RejectionReason.NOT_A_MERCHANT;
    }
    return step.authorized() ? null : RejectionReason.NOT_AUTHORIZED;
  }

  /**
   * Returns a failed transfer's money to its source. It cannot be refused, or the money would be
   * lost: it applies even to an account closed since the debit. Only a balance already near the
   * 64-bit limit (reversals of about 8 * 10^18 travelling at once, see MAX_BALANCE) makes it
   * throw ArithmeticException; the money then stays in transit.
   */
  private static Decision reverse(Step step) {
    if (step.account == null) {
      throw new IllegalStateException("reversal of transaction " + step.command.transactionId()
          + " for account " + step.command.accountId() + ", which was never opened");
    }
    long newBalance = Math.addExact(step.account.balance(), step.command.amount());
    AccountState restored = step.account.withBalance(newBalance);
    return Decision.of(restored, step.event(restored, EventType.TRANSFER_REVERSED,
        step.command.counterpartyAccountId(), step.command.reason()));
  }

  private static Decision close(Step step) {
    RejectionReason refused = step.refusal();
    if (refused != null) {
      return step.reject(refused);
    }
    if (step.account.balance() != 0) {
      return step.reject(RejectionReason.ACCOUNT_NOT_EMPTY);
    }
    AccountState closed = step.account.closed();
    return Decision.of(closed, step.event(closed, EventType.ACCOUNT_CLOSED, null, null));
  }

  private static Decision setOverdraftLimit(Step step) {
    RejectionReason refused = step.refusal();
    if (refused != null) {
      return step.reject(refused);
    }
    long limit = step.command.overdraftLimit();
    if (step.account.balance() < -limit) {
      return step.reject(RejectionReason.OVERDRAFT_IN_USE);
    }
    AccountState changed = step.account.withOverdraftLimit(limit);
    return Decision.of(changed, step.event(changed, EventType.OVERDRAFT_LIMIT_SET, null, null));
  }

  /** One command against one account's state, with the helpers every rule shares. */
  private record Step(AccountState account, LedgerCommand command, Instant now) {

    /**
     * Why the command cannot apply to the account, or null when it can: the account's own state
     * first (so those reasons keep their meaning), then the initiator's authority.
     */
    RejectionReason refusal() {
      RejectionReason unusable = unusableAccount();
      if (unusable != null) {
        return unusable;
      }
      return authorized() ? null : RejectionReason.NOT_AUTHORIZED;
    }

    boolean authorized() {
      return Authority.permits(command, account);
    }

    /** Why the account cannot take part in the command, or null when it can. */
    RejectionReason unusableAccount() {
      if (account == null) {
        return RejectionReason.ACCOUNT_NOT_FOUND;
      }
      if (account.isClosed() && !takesOutReturnedMoney()) {
        return RejectionReason.ACCOUNT_CLOSED;
      }
      if (!account.currency().equals(command.currency())) {
        return RejectionReason.CURRENCY_MISMATCH;
      }
      return null;
    }

    /**
     * Whether the command takes money out of a closed account that holds some: a reversal may
     * bring money back after the account was closed (closing cannot know of legs still
     * travelling), and its owner must still be able to withdraw it or transfer it out, never
     * below zero. Nothing else touches a closed account.
     */
    private boolean takesOutReturnedMoney() {
      boolean ownersDebit = command.type() == CommandType.WITHDRAWAL
          || command.type() == CommandType.TRANSFER && command.leg() == Leg.DEBIT;
      return ownersDebit && account.balance() >= command.amount();
    }

    /** The balance after taking the amount, or null if that would go below the floor. */
    Long debitedBalance() {
      long balance = account.balance() - command.amount(); // both within ±(2^63 - 10^15): no overflow
      return balance < account.floor() ? null : balance;
    }

    /** The balance after adding the amount, or null if it would go above {@link #MAX_BALANCE}. */
    Long creditedBalance() {
      // compared before adding: a balance taken above the ceiling by reversals must not overflow here
      return account.balance() > MAX_BALANCE - command.amount() ? null : account.balance() + command.amount();
    }

    Decision reject(RejectionReason reason) {
      if (account == null) {
        return Decision.of(null, rejectionOfUnknownAccount(reason));
      }
      AccountState next = account.withNextSequence();
      return Decision.of(next, event(next, EventType.REJECTED, command.counterpartyAccountId(), reason));
    }

    /** Belongs to no account's history: there is no account, so its sequence is 0. */
    private LedgerEvent rejectionOfUnknownAccount(RejectionReason reason) {
      String eventId = uuid("rejected/" + command.deduplicationKey() + "/" + command.accountId());
      return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, eventId, command.transactionId(),
          command.type(), command.accountId(), 0, EventType.REJECTED, command.amount(),
          command.currency(), null, null, command.counterpartyAccountId(), reason,
          command.description(), null, command.initiatorId(), now, null);
    }

    LedgerEvent event(AccountState after, EventType type, String counterparty, RejectionReason reason) {
      // Derived from (account, sequence), so a replay after a crash produces the same id.
      String eventId = uuid(after.accountId() + "/" + after.sequence());
      return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, eventId, command.transactionId(),
          command.type(), after.accountId(), after.sequence(), type, command.amount(),
          command.currency(), after.balance(), after.overdraftLimit(), counterparty, reason,
          command.description(), after.ownerId(), command.initiatorId(), now, after.kind());
    }
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
