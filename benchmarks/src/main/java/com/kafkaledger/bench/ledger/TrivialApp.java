package com.kafkaledger.bench.ledger;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The least an exactly-once ledger-like app can do per record: parse the JSON command, add its
 * amount to a per-key sum in a persistent (RocksDB, changelogged) store, emit one JSON record.
 * What the ledger does beyond this is the cost of its rules, idempotency and events.
 */
final class TrivialApp {

  static final String INPUT = "bench.trivial.commands";
  static final String OUTPUT = "bench.trivial.sums";
  private static final String SUMS = "sums";

  private TrivialApp() {}

  static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUMS), Serdes.String(),
        Serdes.Long()));
    builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(SumPerKey::new, SUMS)
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return builder.build();
  }

  /** The record it emits per input. */
  record Sum(String key, long amount, long sum) {}

  private static final class SumPerKey implements Processor<String, byte[], String, byte[]> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Long> sums;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      this.sums = context.getStateStore(SUMS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      JsonNode command = JSON.readTree(record.value());
      long amount = command.path("amount").asLong();
      Long before = sums.get(record.key());
      long sum = (before == null ? 0 : before) + amount;
      sums.put(record.key(), sum);
      context.forward(record.withValue(JSON.writeValueAsBytes(new Sum(record.key(), amount, sum))));
    }
  }
}
