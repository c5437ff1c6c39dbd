package com.kafkaledger.bench.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts what an app has committed to its output topic since the meter started, as any
 * read_committed consumer sees it: the output rate is the app's processing rate. For the ledger
 * it also counts the events that settle a transfer or charge (TRANSFER_CREDITED) and rejections.
 */
final class OutputMeter implements AutoCloseable {

  private static final byte[] SETTLED = "\"type\":\"TRANSFER_CREDITED\"".getBytes(StandardCharsets.UTF_8);
  private static final byte[] REJECTED = "\"type\":\"REJECTED\"".getBytes(StandardCharsets.UTF_8);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile long records;
  private volatile long settled;
  private volatile long rejected;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  private OutputMeter(String bootstrapServers, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves "the end" now, before the app writes anything
    thread = new Thread(this::count, "output-meter-" + topic);
  }

  /** Starts counting what is written to {@code topic} from now on. */
  static OutputMeter fromEndOf(String bootstrapServers, String topic) {
    OutputMeter meter = new OutputMeter(bootstrapServers, topic);
    meter.thread.start();
    return meter;
  }

  private void count() {
    try {
      while (!closed) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          byte[] value = record.value();
          if (value != null && contains(value, SETTLED)) {
            settled++;
          } else if (value != null && contains(value, REJECTED)) {
            rejected++;
          }
          records++; // only this thread writes the counters; volatile lets the sampler read them
        }
      }
    } catch (WakeupException stopping) {
      // close() ends the poll
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close();
    }
  }

  long records() {
    requireHealthy();
    return records;
  }

  long settled() {
    return settled;
  }

  long rejected() {
    return rejected;
  }

  private void requireHealthy() {
    if (failure != null) {
      throw new IllegalStateException("the output meter failed: " + failure, failure);
    }
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    consumer.wakeup();
    thread.join();
  }
}
