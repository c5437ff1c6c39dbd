package com.kafkaledger.view.reconciliation;

import com.kafkaledger.events.AccountKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the reconciliation compares, read in one database snapshot.
 *
 * @param balances the view's balances summed per currency and account kind
 * @param ledgerTotals the ledger's latest totals per partition and currency
 * @param eventsProjected per partition of ledger.events, how many events the view has projected
 */
record BooksSnapshot(Instant asOf, List<KindTotal> balances, List<PartitionTotals> ledgerTotals,
    Map<Integer, Long> eventsProjected) {

  record KindTotal(String currency, String kind, long total) {}

  record PartitionTotals(int partition, String currency, long accounts, long transit, long system,
      long events) {}

  Reconciliation reconcile() {
    Set<String> currencies = new TreeSet<>();
    balances.forEach(kindTotal -> currencies.add(kindTotal.currency()));
    ledgerTotals.forEach(totals -> currencies.add(totals.currency()));
    List<CurrencyReconciliation> reconciled = currencies.stream().map(this::reconcile).toList();
    boolean balanced = reconciled.stream().allMatch(CurrencyReconciliation::contradictsNothing);
    return new Reconciliation(balanced, asOf, reconciled);
  }

  private CurrencyReconciliation reconcile(String currency) {
    List<PartitionTotals> ledger = ledgerTotals.stream()
        .filter(totals -> totals.currency().equals(currency))
        .toList();
    LedgerTotalsSum ledgerSum = ledger.isEmpty() ? null : new LedgerTotalsSum(
        ledger.stream().mapToLong(PartitionTotals::accounts).reduce(0, Math::addExact),
        ledger.stream().mapToLong(PartitionTotals::transit).reduce(0, Math::addExact),
        ledger.stream().mapToLong(PartitionTotals::system).reduce(0, Math::addExact),
        ledger.stream().mapToLong(PartitionTotals::events).reduce(0, Math::addExact));
    return CurrencyReconciliation.of(currency, viewTotal(currency, AccountKind.CUSTOMER),
        viewTotal(currency, AccountKind.MERCHANT), viewTotal(currency, AccountKind.SYSTEM),
        viewTotal(currency, AccountKind.TRANSIT), ledgerSum, ledgerSum != null && caughtUp(currency));
  }

  private long viewTotal(String currency, AccountKind kind) {
    return balances.stream()
        .filter(kindTotal -> kindTotal.currency().equals(currency) && kindTotal.kind().equals(kind.name()))
        .mapToLong(KindTotal::total)
        .sum();
  }

  /** Whether the view has projected, in every partition, the events the ledger's totals count. */
  private boolean caughtUp(String currency) {
    Set<Integer> partitions = new TreeSet<>(eventsProjected.keySet());
    ledgerTotals.forEach(totals -> partitions.add(totals.partition()));
    return partitions.stream().allMatch(partition ->
        eventsProjected.getOrDefault(partition, 0L) == ledgerEvents(partition, currency));
  }

  /**
   * How many events of the partition the ledger's totals of this currency are as of. Every
   * record of a partition counts all of its events, so where this currency has none yet (no
   * money of it in the partition when the ledger last published), the partition's newest record
   * of any currency tells: if the view projected more, some could be of this currency.
   */
  private long ledgerEvents(int partition, String currency) {
    List<PartitionTotals> ofPartition = ledgerTotals.stream()
        .filter(totals -> totals.partition() == partition)
        .toList();
    return ofPartition.stream()
        .filter(totals -> totals.currency().equals(currency))
        .mapToLong(PartitionTotals::events)
        .findFirst()
        .orElseGet(() -> ofPartition.stream().mapToLong(PartitionTotals::events).max().orElse(0));
  }
}
