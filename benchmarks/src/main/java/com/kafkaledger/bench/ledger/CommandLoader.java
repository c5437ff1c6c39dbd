package com.kafkaledger.bench.ledger;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerJson;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes commands as the gateway does (JSON, keyed by account, acks=all, idempotent), but in
 * large batches: it only fills the topics before a measurement, so its speed does not matter.
 */
final class CommandLoader implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private long records;
  private long bytes;

  CommandLoader(String bootstrapServers) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends the same record (same key, same bytes) to each of {@code topics}. */
  void send(LedgerCommand command, List<String> topics) {
    byte[] value = LedgerJson.toBytes(command);
    for (String topic : topics) {
      producer.send(new ProducerRecord<>(topic, command.accountId(), value), (metadata, error) -> {
        if (error != null) {
          failure.compareAndSet(null, error);
        }
      });
    }
    records++;
    bytes += value.length;
  }

  /** Waits until the broker has everything sent so far. */
  void flush() {
    producer.flush();
    Exception error = failure.get();
    if (error != null) {
      throw new IllegalStateException("pre-loading the commands failed: " + error, error);
    }
  }

  long averageBytes() {
    return records == 0 ? 0 : bytes / records;
  }

  @Override
  public void close() {
    producer.close();
  }
}
