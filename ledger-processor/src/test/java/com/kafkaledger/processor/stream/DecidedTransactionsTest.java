package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.processor.core.ProcessedTransaction;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decided-transactions store as the ledger uses it: RocksDB with the ledger's settings, no changelog. */
class DecidedTransactionsTest {

  private static final long HOUR = 3_600_000;
  private static final Duration RETENTION = Duration.ofHours(25);
  private static final long T0 = 1_790_000_000_000L;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LedgerMetrics metrics = new LedgerMetrics(registry);
  private TimestampedKeyValueStore<String, ProcessedTransaction> store;

  @TempDir
  Path stateDirectory;

  @BeforeEach
  void openStore() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "decided-transactions-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9"); // never connected to
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LedgerRocksDbConfig.class);
    MockProcessorContext<String, Object> context = new MockProcessorContext<>(config, new TaskId(0, 0),
        stateDirectory.toFile());
    store = LedgerStores.decidedTransactions().withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aDecisionIsFoundWithinTheRetentionBeforeItAndTheClockSkewAfter() {
    DecidedTransactions decided = read(10);
    String id = UUID.randomUUID().toString();
    decided.remember(processed(id), T0);

    assertThat(decided.earlierDecision(id, T0)).isEqualTo(processed(id));
    assertThat(decided.earlierDecision(id, T0 + 25 * HOUR)).isEqualTo(processed(id));
    assertThat(decided.earlierDecision(id, T0 + 25 * HOUR + 1)).isNull();
    assertThat(decided.earlierDecision(id, T0 - HOUR)).isEqualTo(processed(id));
    assertThat(decided.earlierDecision(id, T0 - HOUR - 1)).isNull();
    assertThat(decided.earlierDecision(UUID.randomUUID().toString(), T0)).isNull();
  }

  @Test
  void aScanDeletesWhatIsOlderThanTheRetentionASliceAtATimeAndKeepsTheRest() {
    DecidedTransactions decided = read(4);
    List<String> old = ids(25);
    old.forEach(id -> decided.remember(processed(id), T0));
    decided.expireSome();
    assertThat(storedIds()).hasSize(25); // nothing is past the retention yet

    List<String> recent = ids(5);
    recent.forEach(id -> decided.remember(processed(id), T0 + 28 * HOUR));
    decided.expireSome();
    assertThat(storedIds()).hasSizeGreaterThanOrEqualTo(30 - 4); // one slice read
    String duringTheScan = UUID.randomUUID().toString();
    decided.remember(processed(duringTheScan), T0 + 28 * HOUR);
    for (int call = 0; call < 10; call++) {
      decided.expireSome();
    }

    List<String> kept = new ArrayList<>(recent);
    kept.add(duringTheScan);
    assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(kept);
    assertThat(registry.get("ledger.decided-ids.expired").counter().count()).isEqualTo(25);
    assertThat(recent).allMatch(id -> processed(id).equals(decided.earlierDecision(id, T0 + 28 * HOUR)));
    assertThat(old).allMatch(id -> decided.earlierDecision(id, T0 + 28 * HOUR) == null);
  }

  @Test
  void theFiltersAndTheExpiryAreRebuiltFromTheStore() {
    DecidedTransactions before = read(100);
    List<String> old = ids(3);
    old.forEach(id -> before.remember(processed(id), T0));
    String recent = UUID.randomUUID().toString();
    before.remember(processed(recent), T0 + 28 * HOUR);

    DecidedTransactions after = read(100); // as at a restart, from what the store holds
    assertThat(after.earlierDecision(recent, T0 + 28 * HOUR)).isEqualTo(processed(recent));
    assertThat(old).allMatch(id -> processed(id).equals(after.earlierDecision(id, T0)));
    after.expireSome();

    assertThat(storedIds()).containsExactly(recent);
  }

  private DecidedTransactions read(int expirySlice) {
    return DecidedTransactions.read(new TaskId(0, 0), store, RETENTION, metrics, expirySlice);
  }

  private List<String> storedIds() {
    try (KeyValueIterator<String, ValueAndTimestamp<ProcessedTransaction>> all = store.all()) {
      List<String> ids = new ArrayList<>();
      all.forEachRemaining(entry -> ids.add(entry.key));
      return ids;
    }
  }

  private static ProcessedTransaction processed(String id) {
    return new ProcessedTransaction(id, "fp-" + id, "event-" + id);
  }

  private static List<String> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
  }
}
