package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.processor.core.ProcessedTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;

/**
 * The processed-transactions store as the ledger builds it, on RocksDB with the ledger's settings.
 * A task rebuilds its decided-id filters from a read of the whole store, which must see decisions
 * still in the memtables, as they are right after a restore: here the decisions are written and
 * read back in one step of a processor, with no commit (and so no flush by Streams) between.
 */
class FlushedBeforeWholeReadTest {

  private static final Duration RETENTION = Duration.ofHours(25);
  private static final long SEGMENT_APART = Duration.ofHours(13).toMillis(); // a segment spans half the retention

  @Test
  void aReadOfTheWholeStoreSeesEveryDecisionNotYetFlushedInEverySegmentAndALookUpByIdFindsEach() {
    Topology topology = new Topology();
    topology.addSource("decisions", Serdes.String().deserializer(), Serdes.Integer().deserializer(), "decisions");
    topology.addProcessor("decide-then-read", DecideThenRead::new, "decisions");
    topology.addStateStore(LedgerStores.processedTransactions(RETENTION), "decide-then-read");
    topology.addSink("reads", "reads", Serdes.String().serializer(), Serdes.String().serializer(), "decide-then-read");
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "flushed-before-whole-read-test");
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LedgerRocksDbConfig.class); // as in production

    try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
      driver.createInputTopic("decisions", Serdes.String().serializer(), Serdes.Integer().serializer())
          .pipeInput("decide", 1_000);
      var reads = driver.createOutputTopic("reads", Serdes.String().deserializer(), Serdes.String().deserializer())
          .readKeyValuesToMap();

      assertThat(reads).containsEntry("missed by the look-ups", "").containsEntry("missed by the whole read", "")
          .containsEntry("read whole", "1000");
    }
  }

  /** Decides as many transactions as the record says, in two segments, then reads them back at once. */
  private static final class DecideThenRead implements Processor<String, Integer, String, String> {

    private ProcessorContext<String, String> context;
    private WindowStore<String, ProcessedTransaction> store;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.store = context.getStateStore(LedgerStores.PROCESSED_TRANSACTIONS);
    }

    @Override
    public void process(Record<String, Integer> record) {
      List<String> decided = new ArrayList<>();
      for (int i = 0; i < record.value(); i++) {
        String key = i % 2 == 0 ? UUID.randomUUID().toString() : decided.get(i - 1) + "/CREDIT"; // one id, two legs
        store.put(key, new ProcessedTransaction(key, "digest", "event"), i + (i % 3 == 0 ? SEGMENT_APART : 0));
        decided.add(key);
      }

      List<String> missedByLookUps = new ArrayList<>();
      for (String key : decided) {
        try (WindowStoreIterator<ProcessedTransaction> found = store.fetch(key, 0, 2 * SEGMENT_APART)) {
          if (!found.hasNext() || !found.next().value.deduplicationKey().equals(key)) {
            missedByLookUps.add(key);
          }
        }
      }
      Set<String> readWhole = new HashSet<>();
      try (KeyValueIterator<Windowed<String>, ProcessedTransaction> all = store.all()) {
        all.forEachRemaining(entry -> readWhole.add(entry.key.key()));
      }

      forward("missed by the look-ups", missedByLookUps);
      forward("missed by the whole read", decided.stream().filter(key -> !readWhole.contains(key)).limit(5).toList());
      context.forward(new Record<>("read whole", String.valueOf(readWhole.size()), 0));
    }

    private void forward(String what, List<String> keys) {
      context.forward(new Record<>(what, String.join(",", keys), 0));
    }
  }
}
