package com.kafkaledger.events;

import java.time.Instant;

/**
 * The ledger's own running totals for one currency in one partition, published on
 * {@link Topics#TOTALS} keyed by {@code partition + "/" + currency} (compacted: the newest wins).
 * Summed over partitions they must equal what the view projected: that is the reconciliation's
 * cross-check. Always {@code accounts + transit + system == 0}.
 *
 * @param accounts sum of the balances of the customer and merchant accounts in the partition
 * @param transit money debited in this partition and not yet credited or reversed, minus money
 *     credited or reversed here that was debited elsewhere
 * @param system the outside world's side of this partition's deposits and withdrawals
 * @param events how many events the partition has emitted, to tell whether the view caught up
 */
public record LedgerTotals(int partition, String currency, long accounts, long transit, long system,
    long events, Instant asOf) {

  public String key() {
    return partition + "/" + currency;
  }
}
