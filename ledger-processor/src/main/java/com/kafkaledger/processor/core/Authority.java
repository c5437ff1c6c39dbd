package com.kafkaledger.processor.core;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Role;

/**
 * Who may do what to an account. The gateway checks this already; the ledger checks it again
 * because anything that can write to the commands topic could otherwise move anyone's money.
 */
final class Authority {

  private Authority() {}

  /**
   * Whether the command's initiator may do what it asks to {@code account} (null for an account
   * being opened). Legs the ledger sends itself (credits, reversals) carry the original initiator
   * and role; a transfer's credit may go to any account, and a reversal can never be refused.
   */
  static boolean permits(LedgerCommand command, AccountState account) {
    return switch (command.type()) {
      case OPEN_ACCOUNT -> command.initiatorId() != null && mayOpen(roleOf(command), kindToOpen(command));
      case DEPOSIT, WITHDRAWAL, CLOSE_ACCOUNT -> isOwner(command, account);
      // Operators set limits; they do not move customers' money in this version.
      case SET_OVERDRAFT_LIMIT -> roleOf(command) == Role.OPERATOR;
      case TRANSFER -> switch (command.leg()) {
        case DEBIT -> isOwner(command, account);
        case CREDIT, REVERSAL -> true;
      };
      case CHARGE -> switch (command.leg()) {
        // The wallet's owner is the customer, not the initiator: the wallet id is the token. Only a
        // customer's wallet: a merchant's account is no one else's to charge.
        case DEBIT -> roleOf(command) == Role.MERCHANT && account.kind() == AccountKind.CUSTOMER;
        // A merchant can only credit its own account.
        case CREDIT -> isOwner(command, account);
        case REVERSAL -> true;
      };
    };
  }

  /** The kind of account an OPEN_ACCOUNT creates; commands that do not say open a customer's. */
  static AccountKind kindToOpen(LedgerCommand command) {
    return command.accountKind() == null ? AccountKind.CUSTOMER : command.accountKind();
  }

  /** Commands from a gateway older than the role field were all customers' commands. */
  private static Role roleOf(LedgerCommand command) {
    return command.initiatorRole() == null ? Role.CUSTOMER : command.initiatorRole();
  }

  /** Customers open wallets, merchants their account; SYSTEM and TRANSIT are nobody's to open. */
  private static boolean mayOpen(Role role, AccountKind kind) {
    return switch (kind) {
      case CUSTOMER -> role == Role.CUSTOMER;
      case MERCHANT -> role == Role.MERCHANT;
      case SYSTEM, TRANSIT -> false;
    };
  }

  private static boolean isOwner(LedgerCommand command, AccountState account) {
    return command.initiatorId() != null && command.initiatorId().equals(account.ownerId());
  }
}
