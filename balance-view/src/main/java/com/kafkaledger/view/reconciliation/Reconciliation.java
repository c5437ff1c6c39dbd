package com.kafkaledger.view.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * Whether the books balance, per currency, as of one snapshot of the view.
 *
 * @param balanced every currency balances and none contradicts the ledger's own totals (a
 *     currency whose {@code matchesLedger} is undecided does not count against it)
 * @param asOf the database's time of the snapshot the sums come from
 * @param currencies ordered by currency code
 */
record Reconciliation(boolean balanced, Instant asOf, List<CurrencyReconciliation> currencies) {}
