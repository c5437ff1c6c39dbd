package com.kafkaledger.view.projection;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.SystemAccounts;

/**
 * Between which accounts a transaction moves money: deposits come from the outside world (the
 * currency's system account) and withdrawals go to it; opening an account moves nothing.
 */
record TransactionParties(String fromAccountId, String toAccountId) {

  static TransactionParties of(CommandType type, String accountId, String currency) {
    String outsideWorld = SystemAccounts.idFor(currency);
    return switch (type) {
      case DEPOSIT -> new TransactionParties(outsideWorld, accountId);
      case WITHDRAWAL -> new TransactionParties(accountId, outsideWorld);
      case OPEN_ACCOUNT -> new TransactionParties(null, accountId);
    };
  }
}
