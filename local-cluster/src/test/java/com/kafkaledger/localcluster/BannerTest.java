package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BannerTest {

  @Test
  void namesEveryUrlAndTheLocalOperatorPassword() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(Map.of(), Path.of("/ledger")), false);

    assertThat(banner).contains("http://localhost:8080/api/v1", "http://localhost:8081/actuator/health",
        "http://localhost:8082/actuator/health", "localhost:9092", "jdbc:postgresql://127.0.0.1:5432/ledger",
        "/ledger/.local-data/logs", LocalClusterSettings.DEFAULT_OPERATOR_PASSWORD);
  }

  @Test
  void neverShowsAPasswordTheUserChose() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(
        Map.of("LEDGER_OPERATOR_PASSWORD", "s3cret-enough"), Path.of("/ledger")), false);

    assertThat(banner).doesNotContain("s3cret-enough").contains("from LEDGER_OPERATOR_PASSWORD");
  }

  @Test
  void withoutServicesShowsOnlyKafkaAndPostgres() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(Map.of(), Path.of("/ledger")), true);

    assertThat(banner).contains("localhost:9092", "jdbc:postgresql://").doesNotContain("8080", "Operator");
  }
}
