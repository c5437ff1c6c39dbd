package com.kafkaledger.examples.chargevolume;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Completed charges per merchant account per minute: the sum of the {@code TRANSFER_CREDITED}
 * events of {@code CHARGE} transactions, in one-minute tumbling windows of {@code occurredAt}.
 * A charge whose credit failed has no such event (its money went back to the customer with a
 * {@code TRANSFER_REVERSED}), so it is not counted; deposits and transfers are not charges.
 */
public final class ChargeVolumeTopology {

  public static final String EVENTS = "ledger.events";
  public static final Duration WINDOW = Duration.ofMinutes(1);
  /**
   * How late (in {@code occurredAt}, behind the newest event of the partition) an event may still be
   * counted. One ledger task writes a partition's events in the order it applies them, so they are
   * late only when a partition moves to a ledger instance whose clock is behind.
   */
  public static final Duration GRACE = Duration.ofMinutes(1);
  static final String STORE = "charge-volume-per-minute";

  private ChargeVolumeTopology() {}

  public static Topology build(String outputTopic) {
    var events = Json.serde(LedgerEventFields.class);
    var totals = Json.serde(ChargeTotal.class);
    StreamsBuilder builder = new StreamsBuilder();
    builder
        .stream(EVENTS, Consumed.with(Serdes.String(), events).withTimestampExtractor(new OccurredAtTimestamp()))
        .filter((accountId, event) -> event != null && event.completesACharge())
        // The record key is the credited account, the merchant's: the contract keys ledger.events
        // by accountId, so grouping by it needs no repartition topic.
        .groupByKey(Grouped.with(Serdes.String(), events))
        .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
        .aggregate(ChargeTotal::none, (merchantAccountId, charge, total) -> total.plus(charge),
            Materialized.<String, ChargeTotal, WindowStore<Bytes, byte[]>>as(STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(totals))
        // Every change of a window's total, at most one per commit (100 ms with exactly-once) and key.
        .toStream()
        .map((window, total) -> {
          ChargeVolume volume = ChargeVolume.of(window, total);
          return KeyValue.pair(volume.key(), volume);
        })
        .to(outputTopic, Produced.with(Serdes.String(), Json.serde(ChargeVolume.class)));
    return builder.build();
  }
}
