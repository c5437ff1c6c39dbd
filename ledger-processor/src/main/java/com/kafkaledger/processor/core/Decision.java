package com.kafkaledger.processor.core;

import com.kafkaledger.events.LedgerEvent;

/**
 * What the ledger decided for one command.
 *
 * @param account the account's state afterwards (null when it does not exist)
 * @param event the one outcome event, or null for a duplicate, which changes nothing
 * @param duplicate the transaction had already been decided
 */
public record Decision(AccountState account, LedgerEvent event, boolean duplicate) {

  static Decision duplicateOf(AccountState unchanged) {
    return new Decision(unchanged, null, true);
  }

  static Decision of(AccountState account, LedgerEvent event) {
    return new Decision(account, event, false);
  }

  /** What to remember about this decision for deduplication; null for a duplicate. */
  public ProcessedTransaction processed(String fingerprint) {
    return duplicate ? null : new ProcessedTransaction(event.transactionId(), fingerprint, event.eventId());
  }
}
