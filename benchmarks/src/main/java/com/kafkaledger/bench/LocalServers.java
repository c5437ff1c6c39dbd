package com.kafkaledger.bench;

import com.kafkaledger.localcluster.FreePorts;
import com.kafkaledger.localcluster.kafka.KafkaBroker;
import com.kafkaledger.localcluster.kafka.KafkaClusterId;
import com.kafkaledger.localcluster.kafka.KafkaNodeSettings;
import com.kafkaledger.localcluster.process.LogTail;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The real broker the ledger-alone part measures against, from local-cluster: a single-node KRaft
 * broker in a child JVM. Each on free loopback ports,
 * with its data under the given directory, stopped by closing what is returned (or by Ctrl-C).
 */
public final class LocalServers {

  private static final Duration KAFKA_STARTUP_LIMIT = Duration.ofSeconds(120);
  private static final Duration KAFKA_STOP_GRACE = Duration.ofSeconds(30);
  private static final int LOG_LINES = 30;

  private LocalServers() {}

  /** A running single-node Kafka (its JVM's process id {@code pid}); closing it stops it. */
  public record Kafka(String bootstrapServers, long pid, Path logFile, Cleanup.Started started)
      implements AutoCloseable {
    @Override
    public void close() {
      started.close();
    }
  }

  public static Kafka startKafka(Path directory, Cleanup cleanup) throws IOException, InterruptedException {
    KafkaNodeSettings node = KafkaNodeSettings.singleNode(directory.resolve("node"),
        directory.resolve("kafka.log"), FreePorts.next(), FreePorts.next());
    System.out.printf("starting Kafka on %s%n", node.bootstrapServers());
    KafkaBroker broker = new KafkaBroker(node, KafkaClusterId.readOrCreate(directory.resolve("cluster.id")));
    broker.start();
    Kafka kafka = new Kafka(node.bootstrapServers(), broker.process().pid(), node.logFile(),
        cleanup.add("Kafka", () -> broker.stop(KAFKA_STOP_GRACE)));
    try {
      awaitReady(broker);
    } catch (IOException | InterruptedException | RuntimeException e) {
      kafka.close();
      throw e;
    }
    return kafka;
  }

  private static void awaitReady(KafkaBroker broker) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(KAFKA_STARTUP_LIMIT);
    while (!broker.isReady()) {
      if (!broker.process().isAlive() || Instant.now().isAfter(deadline)) {
        throw new IOException("Kafka did not become ready" + System.lineSeparator()
            + LogTail.describe(broker.settings().logFile(), LOG_LINES));
      }
      Thread.sleep(500);
    }
  }
}
