package com.kafkaledger.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A real Kafka producer with no broker behind its address: it never gets the topic's metadata. */
class CommandPublisherTest {

  @Test
  void aBatchGivesUpAtItsDeadlineInsteadOfWaitingForMetadataOncePerItem() throws IOException {
    var factory = new DefaultKafkaProducerFactory<String, LedgerCommand>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + portWithNothingListening(),
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 500), new StringSerializer(), JsonSerde.commands());
    KafkaTemplate<String, LedgerCommand> kafka = new KafkaTemplate<>(factory);
    CommandPublisher publisher = new CommandPublisher(kafka, Duration.ofSeconds(1), new SimpleMeterRegistry());
    List<LedgerCommand> batch = IntStream.range(0, 40).mapToObj(i -> LedgerCommand.movement(
        UUID.randomUUID().toString(), CommandType.DEPOSIT, UUID.randomUUID().toString(), "owner", 5, "EUR", null,
        "fp", Instant.now())).toList();

    try {
      long started = System.nanoTime();
      List<LedgerUnavailableException> failures = publisher.publishAll(batch);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(failures).hasSize(40).doesNotContainNull();
      // one metadata wait per item would be 40 x 500 ms
      assertThat(took).isLessThan(Duration.ofSeconds(10));
    } finally {
      factory.destroy();
    }
  }

  private static int portWithNothingListening() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
