package com.kafkaledger.systemtests;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything committed to ledger.events, read as a downstream consumer would (read_committed). */
final class EventLog {

  private static final Duration READ_LIMIT = Duration.ofMinutes(3);

  private EventLog() {}

  /** The events in log order per partition; an account's events are in one partition, so in its order. */
  static List<LedgerEvent> readAll(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // With read_committed these are the last stable offsets: nothing of an open transaction.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<LedgerEvent> events = new ArrayList<>();
      Instant giveUp = Instant.now().plus(READ_LIMIT);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        if (Instant.now().isAfter(giveUp)) {
          throw new IllegalStateException("could not read ledger.events to its end within " + READ_LIMIT);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          events.add(LedgerJson.fromBytes(record.value(), LedgerEvent.class));
        }
      }
      return events;
    }
  }
}
