package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class PartitionTotalsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private final KeyValueStore<String, LedgerTotals> store = store();

  /**
   * The totals are kept on the heap between events. A task that starts again (after a crash, or on
   * another instance) builds a new one from the store, which must carry on from what was stored.
   */
  @Test
  void aTaskThatStartsAgainCarriesOnFromTheStoredTotals() {
    PartitionTotals first = new PartitionTotals(3, store);
    first.add(event(EventType.DEPOSITED, "EUR", 500));
    first.add(event(EventType.TRANSFER_DEBITED, "EUR", 200));
    first.add(event(EventType.DEPOSITED, "USD", 70));

    PartitionTotals again = new PartitionTotals(3, store);
    again.add(event(EventType.WITHDRAWN, "EUR", 100));

    assertThat(store.get("EUR")).isEqualTo(new LedgerTotals(3, "EUR", 200, 200, -400, 3, NOW));
    assertThat(store.get("USD")).isEqualTo(new LedgerTotals(3, "USD", 70, 0, -70, 1, NOW));
    List<LedgerTotals> published = publish(again);
    assertThat(published).extracting(LedgerTotals::currency).containsExactly("EUR", "USD");
    assertThat(published.get(0)).isEqualTo(new LedgerTotals(3, "EUR", 200, 200, -400, 4, NOW.plusSeconds(1)));
    assertThat(published.get(1)).isEqualTo(new LedgerTotals(3, "USD", 70, 0, -70, 4, NOW.plusSeconds(1)));
  }

  @Test
  void nothingIsPublishedAgainUntilSomethingChanges() {
    PartitionTotals totals = new PartitionTotals(0, store);
    totals.add(event(EventType.DEPOSITED, "EUR", 10));
    assertThat(publish(totals)).hasSize(1);
    assertThat(publish(totals)).isEmpty();
    totals.add(event(EventType.REJECTED, "EUR", 10));
    assertThat(publish(totals)).containsExactly(new LedgerTotals(0, "EUR", 10, 0, -10, 2, NOW.plusSeconds(1)));
  }

  private static List<LedgerTotals> publish(PartitionTotals totals) {
    List<LedgerTotals> published = new ArrayList<>();
    totals.publish(NOW.plusSeconds(1), (Record<String, Object> record) -> published.add((LedgerTotals) record.value()));
    return published;
  }

  private static LedgerEvent event(EventType type, String currency, long amount) {
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        CommandType.DEPOSIT, UUID.randomUUID().toString(), 1, type, amount, currency, 0L, 0L, null, null, null,
        "owner", "owner", NOW);
  }

  private static KeyValueStore<String, LedgerTotals> store() {
    KeyValueStore<String, LedgerTotals> store = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(LedgerStores.TOTALS), Serdes.String(), StateSerdes.totals())
        .withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    return store;
  }
}
