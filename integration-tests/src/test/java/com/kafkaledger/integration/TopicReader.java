package com.kafkaledger.integration;

import com.kafkaledger.events.ContractSchemas;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.events.Topics;
import java.time.Duration;
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

/** Reads a topic the way a downstream consumer would: plain client, read_committed, from the start. */
final class TopicReader {

  private TopicReader() {}

  record RawEvent(LedgerEvent event, List<String> schemaViolations) {
    long sequence() {
      return event.sequence();
    }
  }

  static List<RawEvent> committedEventsFor(String bootstrap, String accountId) {
    return recordsFor(bootstrap, Topics.EVENTS, accountId).stream().map(ConsumerRecord::value)
        .map(value -> new RawEvent(LedgerJson.fromBytes(value, LedgerEvent.class),
            ContractSchemas.eventViolations(value)))
        .toList();
  }

  static List<byte[]> commandsFor(String bootstrap, String accountId) {
    return recordsFor(bootstrap, Topics.COMMANDS, accountId).stream().map(ConsumerRecord::value).toList();
  }

  /** The reasons of the dead letters keyed by {@code accountId}. */
  static List<String> deadLettersFor(String bootstrap, String accountId) {
    return recordsFor(bootstrap, Topics.COMMANDS_DEAD_LETTER, accountId).stream()
        .map(record -> record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER))
        .map(header -> header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
        .toList();
  }

  /** The committed records keyed by {@code key}, with their headers. */
  static List<ConsumerRecord<String, byte[]>> recordsFor(String bootstrap, String topic, String key) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, byte[]>> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("did not reach the end of " + topic);
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            values.add(record);
          }
        }
      }
    }
    return values;
  }
}
