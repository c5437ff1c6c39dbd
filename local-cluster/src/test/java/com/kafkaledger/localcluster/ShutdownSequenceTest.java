package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {

  private final List<String> stopped = new ArrayList<>();
  private final ShutdownSequence shutdown = new ShutdownSequence();

  @Test
  void stopsTheLastStartedFirstAndOnlyOnce() {
    shutdown.add("PostgreSQL", () -> stopped.add("PostgreSQL"));
    shutdown.add("Kafka", () -> stopped.add("Kafka"));
    shutdown.add("api-gateway", () -> stopped.add("api-gateway"));

    shutdown.stopAll();
    shutdown.stopAll();

    assertThat(stopped).containsExactly("api-gateway", "Kafka", "PostgreSQL");
    assertThat(shutdown.isStopping()).isTrue();
  }

  @Test
  void aFailingStopDoesNotKeepTheOthersRunning() {
    shutdown.add("PostgreSQL", () -> stopped.add("PostgreSQL"));
    shutdown.add("Kafka", () -> {
      throw new IllegalStateException("boom");
    });

    shutdown.stopAll();

    assertThat(stopped).containsExactly("PostgreSQL");
  }

  @Test
  void somethingStartedDuringTheShutdownIsStoppedAtOnce() {
    shutdown.stopAll();

    assertThatThrownBy(() -> shutdown.add("Kafka", () -> stopped.add("Kafka")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stopped).containsExactly("Kafka");
  }
}
