package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ledger's own running totals for one partition, per currency, kept in a store that commits
 * with the events they count: the other side of the reconciliation, independent of the view.
 */
final class PartitionTotals {

  private final int partition;
  private final KeyValueStore<String, LedgerTotals> store;
  private boolean changedSincePublished = true;

  PartitionTotals(int partition, KeyValueStore<String, LedgerTotals> store) {
    this.partition = partition;
    this.store = store;
  }

  void add(LedgerEvent event) {
    LedgerTotals current = store.get(event.currency());
    if (current == null) {
      current = new LedgerTotals(partition, event.currency(), 0, 0, 0, 0, event.occurredAt());
    }
    store.put(event.currency(), new LedgerTotals(partition, event.currency(),
        current.accounts() + event.balanceDelta(), current.transit() + event.transitDelta(),
        current.system() + event.systemDelta(), current.events() + 1, event.occurredAt()));
    changedSincePublished = true;
  }

  /**
   * Sends each currency's totals, with {@code events} counting the whole partition (the view
   * counts per partition), if anything changed since the last time.
   */
  void publish(Instant now, Consumer<Record<String, Object>> send) {
    if (!changedSincePublished) {
      return;
    }
    List<LedgerTotals> perCurrency = new ArrayList<>();
    try (var all = store.all()) {
      all.forEachRemaining(entry -> perCurrency.add(entry.value));
    }
    long partitionEvents = perCurrency.stream().mapToLong(LedgerTotals::events).sum();
    for (LedgerTotals totals : perCurrency) {
      LedgerTotals published = new LedgerTotals(partition, totals.currency(), totals.accounts(),
          totals.transit(), totals.system(), partitionEvents, now);
      send.accept(new Record<>(published.key(), published, now.toEpochMilli()));
    }
    changedSincePublished = false;
  }
}
