package com.kafkaledger.view.projection;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.SystemAccounts;

/**
 * Between which accounts a transaction moves money: deposits come from the outside world (the
 * currency's system account) and withdrawals go to it; transfers and charges go from the source
 * to the destination; the other transactions concern one account and move nothing.
 */
record TransactionParties(String fromAccountId, String toAccountId) {

  /** Only for the first leg of a transaction: keyed by the source, the destination its counterparty. */
  static TransactionParties of(LedgerCommand command) {
    return of(command.type(), command.accountId(), command.counterpartyAccountId(), command.currency());
  }

  static TransactionParties of(LedgerEvent event) {
    // the one event keyed by the destination; debits, reversals and rejections are the source's
    if (event.type() == EventType.TRANSFER_CREDITED) {
      return new TransactionParties(event.counterpartyAccountId(), event.accountId());
    }
    return of(event.transactionType(), event.accountId(), event.counterpartyAccountId(), event.currency());
  }

  private static TransactionParties of(CommandType type, String accountId, String counterpartyAccountId,
      String currency) {
    return switch (type) {
      case DEPOSIT -> new TransactionParties(SystemAccounts.idFor(currency), accountId);
      case WITHDRAWAL -> new TransactionParties(accountId, SystemAccounts.idFor(currency));
      case TRANSFER, CHARGE -> new TransactionParties(accountId, counterpartyAccountId);
      case OPEN_ACCOUNT, CLOSE_ACCOUNT, SET_OVERDRAFT_LIMIT -> new TransactionParties(null, accountId);
    };
  }
}
