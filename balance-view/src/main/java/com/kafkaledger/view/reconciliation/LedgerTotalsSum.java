package com.kafkaledger.view.reconciliation;

/**
 * The ledger's running totals of one currency, summed over its partitions.
 *
 * @param accounts the customers' and merchants' balances
 * @param inFlight money debited and not yet credited or reversed
 * @param system the outside world's side of the deposits and withdrawals
 * @param events the events of the partitions these totals come from, as of the totals
 */
record LedgerTotalsSum(long accounts, long inFlight, long system, long events) {}
