package com.kafkaledger.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

  @Test
  void takesTheProcessorsOwnStreamsSettingsAtTheirDefaults() {
    ProcessorConfig config = ProcessorConfig.load();

    var properties = config.streamsProperties("bench-ledger", "127.0.0.1:9", Path.of("state"));

    assertThat(properties).containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("num.stream.threads", "1")
        .containsEntry("commit.interval.ms", "20")
        .containsEntry("application.id", "bench-ledger")
        .containsEntry("bootstrap.servers", "127.0.0.1:9")
        .containsEntry("replication.factor", "-1");
    assertThat(config.idempotencyRetention()).isEqualTo(Duration.ofHours(25));
    assertThat(config.totalsInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.defaultOverdraftLimit()).isZero();
    assertThat(config.decidedIdsPerTask()).isEqualTo(1 << 20);
  }
}
