package com.kafkaledger.bench.ledger;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The least an exactly-once ledger-like app can do per record: parse the JSON command, add its
 * amount to a per-key sum in a persistent (RocksDB, changelogged) store, emit one JSON record.
 * What the ledger does beyond this is the cost of its rules, idempotency and events.
 *
 * <p>{@link #withDecidedIds} adds the piece of the ledger's idempotency that a ledger keeping its
 * decided ids in a store of their own cannot leave out: each record's transaction id put into a
 * changelogged window store, kept as long as the ledger keeps its decided ids. That is one more
 * record in every transaction, as in the ledger; how far it alone pulls the trivial app down
 * bounds the share of the trivial app any ledger with such a store can reach.
 */
final class TrivialApp {

  static final String INPUT = "bench.trivial.commands";
  static final String OUTPUT = "bench.trivial.sums";
  private static final String SUMS = "sums";
  /**
   * The ledger's store name, so that the ledger's RocksDB settings (LedgerRocksDbConfig, in the
   * Streams properties both apps get) apply to it as to the ledger's.
   */
  private static final String DECIDED_IDS = "processed-transactions";

  private TrivialApp() {}

  static Topology topology() {
    return topology(null);
  }

  /** The trivial app that also remembers each transaction id for {@code retention}, as the ledger does. */
  static Topology withDecidedIds(Duration retention) {
    return topology(retention);
  }

  private static Topology topology(Duration decidedIdsRetention) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUMS), Serdes.String(),
        Serdes.Long()));
    String[] stores = {SUMS};
    if (decidedIdsRetention != null) {
      builder.addStateStore(Stores.windowStoreBuilder(
          Stores.persistentWindowStore(DECIDED_IDS, decidedIdsRetention, Duration.ofMillis(1), false),
          Serdes.String(), Serdes.ByteArray()));
      stores = new String[] {SUMS, DECIDED_IDS};
    }
    builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(() -> new SumPerKey(decidedIdsRetention != null), stores)
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  /** The record it emits per input. */
  record Sum(String key, long amount, long sum) {}

  private static final class SumPerKey implements Processor<String, byte[], String, byte[]> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] DECIDED = {1};
    private final boolean remembersIds;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Long> sums;
    private WindowStore<String, byte[]> decidedIds;

    SumPerKey(boolean remembersIds) {
      this.remembersIds = remembersIds;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.sums = context.getStateStore(SUMS);
      if (remembersIds) {
        this.decidedIds = context.getStateStore(DECIDED_IDS);
      }
    }

    @Override
    public void process(Record<String, byte[]> record) {
      JsonNode command = JSON.readTree(record.value());
      long amount = command.path("amount").asLong();
      Long before = sums.get(record.key());
      long sum = (before == null ? 0 : before) + amount;
      sums.put(record.key(), sum);
      if (remembersIds) {
        decidedIds.put(command.path("transactionId").asString(), DECIDED, record.timestamp());
      }
      context.forward(record.withValue(JSON.writeValueAsBytes(new Sum(record.key(), amount, sum))));
    }
  }
}
