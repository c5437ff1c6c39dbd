package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.events.Topics;
import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger stopped and started again on a real broker, over the state directory it left: the
 * restart path that TopologyTestDriver cannot take (it deletes its task's directory on close).
 */
class LedgerRestartTest {

  private static final String SIGNING_KEY = "restart-test-leg-signing-key-32-bytes";
  /** Filters of 64 ids and a cap of 128, so that a few hundred commands pass it. */
  private static final int IDS_PER_FILTER = 64;
  private static final long IDS_PER_TASK = 128;

  private static String bootstrap;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final String applicationId = "ledger-restart-test-" + UUID.randomUUID();
  private final String account = UUID.randomUUID().toString();
  @TempDir
  Path stateDirectory;
  private KafkaProducer<String, byte[]> producer;
  private KafkaConsumer<String, LedgerEvent> events;
  private final List<LedgerEvent> received = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    bootstrap = TestInfrastructure.newKafkaBroker(); // its own: this app reads its topics from the start
  }

  @BeforeEach
  void connect() {
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    events = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-reader",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), JsonSerde.events());
    events.subscribe(List.of(Topics.EVENTS));
  }

  @AfterEach
  void disconnect() {
    producer.close();
    events.close();
  }

  /**
   * At start the filters are rebuilt from the store, which may hold more ids than their cap: the
   * rebuild forgets the oldest as deciding them did, and a redelivery of one is found in the store.
   * (Were the filters trusted for the forgotten ids, the early deposit would be applied twice.)
   */
  @Test
  void aRedeliveryIsCaughtInTheStoreWhenARestartReadsMoreIdsThanTheCap() {
    // The oldest, and its id sorts first: the rebuild forgets it whether it reads the store in time
    // order or, as now, in the order of the ids within each segment.
    LedgerCommand early = deposit("00000000-0000-4000-8000-" + UUID.randomUUID().toString().substring(24), 100);
    try (KafkaStreams first = start(new SimpleMeterRegistry())) {
      send(LedgerCommand.openAccount(UUID.randomUUID().toString(), account, "alice", "EUR", "fp", now), now);
      send(early, now);
      for (int i = 1; i <= 300; i++) {
        send(deposit(UUID.randomUUID().toString(), 1), now.plusSeconds(i));
      }
      awaitEvents(302);
      // leaving the group, so that the restart is not kept waiting for the session to time out
      first.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
    }

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (KafkaStreams restarted = start(registry)) {
      send(early, now.plusSeconds(301));
      // never decided, stamped among the forgotten ids: asked of the store too, then decided
      LedgerCommand late = deposit(UUID.randomUUID().toString(), 5);
      send(late, now);
      awaitEvents(303); // the late deposit's: the redelivery, before it in the partition, was decided first

      assertThat(received.get(302).transactionId()).isEqualTo(late.transactionId());
      assertThat(received.get(302).balanceAfter()).isEqualTo(100 + 300 + 5);
      assertThat(received).extracting(LedgerEvent::transactionId).containsOnlyOnce(early.transactionId());
      assertThat(registry.get("ledger.commands.duplicates").counter().count()).isEqualTo(1);
      assertThat(registry.get("ledger.commands.store-lookups").counter().count()).isEqualTo(2);
    }
  }

  private KafkaStreams start(SimpleMeterRegistry registry) {
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.define(builder, new LedgerCore(0),
        new LedgerTopology.Settings(Duration.ofHours(25), Duration.ofSeconds(1), SIGNING_KEY, List.of(), true,
            IDS_PER_TASK),
        new LedgerMetrics(registry), IDS_PER_FILTER);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LedgerRocksDbConfig.class); // as in production
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    KafkaStreams streams = new KafkaStreams(builder.build(), config);
    streams.start();
    return streams;
  }

  private void send(LedgerCommand command, Instant timestamp) {
    producer.send(new ProducerRecord<>(Topics.COMMANDS, null, timestamp.toEpochMilli(), command.accountId(),
        LedgerJson.toBytes(command)));
    producer.flush();
  }

  private void awaitEvents(int count) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      events.poll(Duration.ofMillis(200)).forEach(record -> {
        if (account.equals(record.key())) {
          received.add(record.value());
        }
      });
      return received.size() >= count;
    });
    assertThat(received).hasSize(count);
  }

  private LedgerCommand deposit(String transactionId, long amount) {
    return LedgerCommand.movement(transactionId, CommandType.DEPOSIT, account, "alice", amount, "EUR", "test", "fp",
        now);
  }
}
