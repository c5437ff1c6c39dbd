package com.kafkaledger.view.reconciliation;

/**
 * One currency's books in the view, next to the ledger's.
 *
 * @param customerAccounts the customers' balances summed
 * @param merchantAccounts the merchants' balances summed
 * @param systemAccount the outside world's account: minus the deposits, plus the withdrawals
 * @param inFlight the transit account: money debited and not yet credited or reversed
 * @param total the four summed; money is neither created nor destroyed, so it is 0
 * @param balanced whether {@code total} is 0
 * @param ledger the ledger's own totals summed over its partitions; null until the view has read
 *     any for this currency
 * @param viewCaughtUp whether the view has projected, in every partition, exactly the events the
 *     ledger's totals count
 * @param matchesLedger whether the view's sums equal the ledger's. Only decided when the view has
 *     caught up with the ledger's latest totals: under load the view is ahead of or behind the
 *     totals (published about once a second), and then it is null.
 */
record CurrencyReconciliation(
    String currency,
    long customerAccounts,
    long merchantAccounts,
    long systemAccount,
    long inFlight,
    long total,
    boolean balanced,
    LedgerTotalsSum ledger,
    boolean viewCaughtUp,
    Boolean matchesLedger) {

  static CurrencyReconciliation of(String currency, long customerAccounts, long merchantAccounts,
      long systemAccount, long inFlight, LedgerTotalsSum ledger, boolean viewCaughtUp) {
    long total = Math.addExact(Math.addExact(customerAccounts, merchantAccounts),
        Math.addExact(systemAccount, inFlight));
    Boolean matchesLedger = viewCaughtUp
        ? customerAccounts + merchantAccounts == ledger.accounts() && inFlight == ledger.inFlight()
            && systemAccount == ledger.system()
        : null;
    return new CurrencyReconciliation(currency, customerAccounts, merchantAccounts, systemAccount,
        inFlight, total, total == 0, ledger, viewCaughtUp, matchesLedger);
  }

  /** A currency that balances can still contradict the ledger; an undecided one does not. */
  boolean contradictsNothing() {
    return balanced && !Boolean.FALSE.equals(matchesLedger);
  }
}
