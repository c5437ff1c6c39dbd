package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
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
  /**
   * What the store holds, per currency, read from it once when the task starts (Streams builds the
   * processor again after any restore). Every event adds to the totals: reading them back from the
   * store's cache and deserialising them each time cost a tenth of the stream thread.
   */
  private final Map<String, LedgerTotals> current = new TreeMap<>();
  private boolean changedSincePublished = true;

  PartitionTotals(int partition, KeyValueStore<String, LedgerTotals> store) {
    this.partition = partition;
    this.store = store;
    try (var all = store.all()) {
      all.forEachRemaining(entry -> current.put(entry.key, entry.value));
    }
  }

  void add(LedgerEvent event) {
    LedgerTotals before = current.get(event.currency());
    if (before == null) {
      before = new LedgerTotals(partition, event.currency(), 0, 0, 0, 0, event.occurredAt());
    }
    LedgerTotals after = new LedgerTotals(partition, event.currency(),
        before.accounts() + event.balanceDelta(), before.transit() + event.transitDelta(),
        before.system() + event.systemDelta(), before.events() + 1, event.occurredAt());
    store.put(event.currency(), after);
    current.put(event.currency(), after);
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
    long partitionEvents = current.values().stream().mapToLong(LedgerTotals::events).sum();
    for (LedgerTotals totals : current.values()) {
      LedgerTotals published = new LedgerTotals(partition, totals.currency(), totals.accounts(),
          totals.transit(), totals.system(), partitionEvents, now);
      send.accept(new Record<>(published.key(), published, now.toEpochMilli()));
    }
    changedSincePublished = false;
  }
}
