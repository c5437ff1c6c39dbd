package com.kafkaledger.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.processor.stream.LedgerMetrics;
import com.kafkaledger.processor.stream.LedgerTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

class ProcessorConfigurationTest {

  private static final String SIGNING_KEY = "configuration-test-leg-signing-key-32";

  @Test
  void acceptedLegKeysAreCommaSeparatedAndNoneWhenUnset() {
    assertThat(ProcessorConfiguration.commaSeparated("")).isEmpty();
    assertThat(ProcessorConfiguration.commaSeparated(" first-key , second-key,,"))
        .containsExactly("first-key", "second-key");
  }

  /** Settings out of range stop the processor at start, naming the setting. */
  @Test
  void aRetentionShorterThanADayIsRefused() {
    assertThatThrownBy(() -> define(Duration.ofHours(23), 1 << 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ledger.processor.idempotency-retention");
  }

  @Test
  void fewerDecidedIdsPerTaskThanOneFilterHoldsAreRefused() {
    assertThatThrownBy(() -> define(Duration.ofHours(25), LedgerTopology.MIN_DECIDED_IDS_PER_TASK - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ledger.processor.decided-ids-per-task");
  }

  @Test
  void theDefaultsDefineTheTopology() {
    assertThat(define(Duration.ofHours(25), 1 << 20)).isEqualTo(LedgerTopology.class);
  }

  private static Object define(Duration retention, long decidedIdsPerTask) {
    return new ProcessorConfiguration().ledgerTopology(new StreamsBuilder(), new LedgerCore(0),
        new LedgerMetrics(new SimpleMeterRegistry()), retention, Duration.ofSeconds(1), SIGNING_KEY, "", true,
        decidedIdsPerTask);
  }
}
