package com.kafkaledger.processor.core;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;

/**
 * What the ledger decided for one command.
 *
 * @param account the account's state afterwards (null when it does not exist)
 * @param event the outcome event; null for a duplicate, and for a credit leg that failed (its
 *     outcome is the reversal's event on the source account)
 * @param followUp the next leg to send, keyed by its account: a credit after a debit, a reversal
 *     after a failed credit; null otherwise
 * @param duplicate the command had already been decided and changed nothing
 */
public record Decision(AccountState account, LedgerEvent event, LedgerCommand followUp, boolean duplicate) {

  static Decision duplicateOf(AccountState unchanged) {
    return new Decision(unchanged, null, null, true);
  }

  static Decision of(AccountState account, LedgerEvent event) {
    return new Decision(account, event, null, false);
  }

  static Decision of(AccountState account, LedgerEvent event, LedgerCommand followUp) {
    return new Decision(account, event, followUp, false);
  }

  /** What to remember about this decision for deduplication; null for a duplicate. */
  public ProcessedTransaction processed(LedgerCommand command) {
    return duplicate ? null : new ProcessedTransaction(command.deduplicationKey(), command.fingerprint(),
        event == null ? null : event.eventId());
  }
}
