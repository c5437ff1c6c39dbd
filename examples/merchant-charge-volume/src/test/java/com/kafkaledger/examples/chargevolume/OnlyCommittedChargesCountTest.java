package com.kafkaledger.examples.chargevolume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on a real broker, fed by a transactional producer the way the ledger writes. */
class OnlyCommittedChargesCountTest {

  private final LedgerEvents ledger = new LedgerEvents();
  private final String customer = UUID.randomUUID().toString();
  private final String merchant = UUID.randomUUID().toString();

  @Test
  void chargesOfAnAbortedLedgerTransactionAreNotCounted(@TempDir Path stateDir) throws Exception {
    String bootstrap = TestInfrastructure.kafkaBootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    var options = new MerchantChargeVolumeApp.Options(bootstrap, "charge-volume-test-" + run,
        "analytics.charge-volume-test-" + run, stateDir.toString());
    Instant at = Instant.now();
    String key = merchant + "@" + at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    try (KafkaStreams job = MerchantChargeVolumeApp.create(options)) {
      job.start();
      try (KafkaProducer<String, LedgerEvent> fakeLedger = transactionalProducer(bootstrap, run)) {
        fakeLedger.initTransactions();
        write(fakeLedger, ledger.completedCharge(customer, merchant, 100, "EUR", at), true);
        write(fakeLedger, concat(ledger.completedCharge(customer, merchant, 1000, "EUR", at),
            ledger.completedCharge(customer, merchant, 2000, "EUR", at)), false);
        write(fakeLedger, ledger.completedCharge(customer, merchant, 10, "EUR", at), true);
      }

      List<ConsumerRecord<String, String>> seen = new ArrayList<>();
      try (KafkaConsumer<String, String> analytics = committedReader(bootstrap)) {
        List<TopicPartition> partitions = analytics.partitionsFor(options.outputTopic()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .toList();
        analytics.assign(partitions);
        analytics.seekToBeginning(partitions);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
          analytics.poll(Duration.ofMillis(200)).forEach(seen::add);
          assertThat(seen).isNotEmpty();
          assertThat(volume(seen.get(seen.size() - 1))).extracting(ChargeVolume::amount, ChargeVolume::charges)
              .containsExactly(110L, 2L);
        });
      }

      // Every update the job wrote: the first committed charge, then both; never an aborted one.
      assertThat(seen).allSatisfy(record -> assertThat(record.key()).isEqualTo(key));
      assertThat(seen).extracting(record -> volume(record).amount()).isSubsetOf(100L, 110L);
    }
  }

  private static void write(KafkaProducer<String, LedgerEvent> producer, List<LedgerEvent> events, boolean commit) {
    producer.beginTransaction();
    events.forEach(event -> producer.send(new ProducerRecord<>(ChargeVolumeTopology.EVENTS, event.accountId(), event)));
    producer.flush();
    if (commit) {
      producer.commitTransaction();
    } else {
      producer.abortTransaction();
    }
  }

  private static List<LedgerEvent> concat(List<LedgerEvent> first, List<LedgerEvent> second) {
    List<LedgerEvent> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  private static ChargeVolume volume(ConsumerRecord<String, String> record) {
    return Json.MAPPER.readValue(record.value(), ChargeVolume.class);
  }

  private static KafkaProducer<String, LedgerEvent> transactionalProducer(String bootstrap, String run) {
    return new KafkaProducer<>(Map.<String, Object>of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "fake-ledger-" + run),
        new StringSerializer(), JsonSerde.events());
  }

  /** The job's output is written transactionally too: read it committed. */
  private static KafkaConsumer<String, String> committedReader(String bootstrap) {
    return new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), new StringDeserializer());
  }
}
