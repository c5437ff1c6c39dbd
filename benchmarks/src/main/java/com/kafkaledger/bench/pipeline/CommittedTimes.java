package com.kafkaledger.bench.pipeline;

import com.kafkaledger.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When each transaction's events became readable on {@code ledger.events} with {@code
 * read_committed}: the ledger's commit, as any consumer sees it. Between the ledger's decision and
 * the view's commit, this splits the ledger's exactly-once commit from the view's own work.
 *
 * <p>A consumer of its own, outside any group, polling in a daemon thread from the end of the
 * topic; per transaction it keeps the time its last event arrived (a transfer's credit or reversal
 * comes after its debit).
 */
final class CommittedTimes implements AutoCloseable {

  private static final byte[] TRANSACTION_ID = "\"transactionId\":\"".getBytes(StandardCharsets.UTF_8);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, Long> arrivedMicros = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean running = true;

  CommittedTimes(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-committed-times");
    consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves the end now, not at the first poll
    poller = new Thread(this::poll, "bench-committed-times");
    poller.setDaemon(true);
    poller.start();
  }

  private void poll() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          long now = OpenLoop.epochMicros(java.time.Instant.now());
          String transactionId = transactionId(record.value());
          if (transactionId != null) {
            arrivedMicros.merge(transactionId, now, Math::max);
          }
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll up
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Epoch microseconds when the transaction's last event arrived so far, or null. */
  Long arrivedMicros(String transactionId) {
    return arrivedMicros.get(transactionId);
  }

  /** Forgets what arrived before; called between steps so the map holds one step's transactions. */
  void forget() {
    arrivedMicros.clear();
  }

  /** The value of the event's transactionId field: the writer puts it near the start, unescaped. */
  static String transactionId(byte[] event) {
    int at = indexOf(event, TRANSACTION_ID);
    if (at < 0) {
      return null;
    }
    int start = at + TRANSACTION_ID.length;
    for (int end = start; end < event.length; end++) {
      if (event[end] == '"') {
        return new String(event, start, end - start, StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    poller.join(10_000);
  }
}
