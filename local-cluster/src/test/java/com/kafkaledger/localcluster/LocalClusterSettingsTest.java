package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalClusterSettingsTest {

  private static final Path ROOT = Path.of("/projects/kafka-ledger");

  @Test
  void withoutVariablesEverythingHasItsLocalDefault() {
    LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(Map.of(), ROOT);

    assertThat(settings.ports()).isEqualTo(new LocalClusterSettings.Ports(8080, 8081, 8082, 9092, 9093, 5432));
    assertThat(settings.partitions()).isEqualTo(12);
    assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(settings.dataDirectory()).isEqualTo(ROOT.resolve(".local-data"));
    assertThat(settings.logDirectory()).isEqualTo(ROOT.resolve(".local-data/logs"));
    assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/ledger");
    assertThat(settings.jdbcUrl("gateway")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/ledger?currentSchema=gateway");
    assertThat(settings.secretsDirectory()).isEqualTo(ROOT.resolve(".local-data/secrets"));
    assertThat(settings.serviceJvmOptions()).containsExactly("-Xmx512m");
  }

  @Test
  void everyPortAndLimitCanBeChangedByItsVariable() {
    LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(Map.of(
        "LEDGER_GATEWAY_PORT", "18080", "LEDGER_PROCESSOR_PORT", "18081", "LEDGER_VIEW_PORT", "18082",
        "LEDGER_KAFKA_PORT", "19092", "LEDGER_KAFKA_CONTROLLER_PORT", "19093", "LEDGER_POSTGRES_PORT", "15432",
        "LEDGER_PARTITIONS", "3", "LEDGER_STARTUP_TIMEOUT_SECONDS", "60", "LEDGER_DATA_DIR", "/var/tmp/ledger",
        "LEDGER_SERVICE_HEAP_MB", "1024"), ROOT);

    assertThat(settings.ports())
        .isEqualTo(new LocalClusterSettings.Ports(18080, 18081, 18082, 19092, 19093, 15432));
    assertThat(settings.partitions()).isEqualTo(3);
    assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.serviceJvmOptions()).containsExactly("-Xmx1024m");
    assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/tmp/ledger"));
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/ledger");
  }

  @Test
  void moreJavaOptionsFollowTheHeapOneWordEach() {
    LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(Map.of(
        "LEDGER_SERVICE_HEAP_MB", "256", "LEDGER_SERVICE_JAVA_OPTIONS", " -XX:+UseSerialGC  -Xss512k "), ROOT);

    assertThat(settings.serviceJvmOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-Xss512k");
  }

  @Test
  void theHeapIsSetByItsOwnVariableOnly() {
    assertThatThrownBy(() -> LocalClusterSettings.fromEnvironment(
        Map.of("LEDGER_SERVICE_JAVA_OPTIONS", "-XX:+UseSerialGC -Xmx2g"), ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LEDGER_SERVICE_JAVA_OPTIONS must not set the maximum heap; LEDGER_SERVICE_HEAP_MB does");
  }

  @Test
  void aRelativeDataDirectoryIsUnderTheProjectRoot() {
    LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(Map.of("LEDGER_DATA_DIR", "tmp/data"), ROOT);

    assertThat(settings.dataDirectory()).isEqualTo(ROOT.resolve("tmp/data"));
  }

  @Test
  void aBadNumberIsReportedWithItsVariable() {
    assertThatThrownBy(() -> LocalClusterSettings.fromEnvironment(Map.of("LEDGER_KAFKA_PORT", "nine"), ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LEDGER_KAFKA_PORT must be a whole number from 1 to 65535, was 'nine'");
    assertThatThrownBy(() -> LocalClusterSettings.fromEnvironment(Map.of("LEDGER_POSTGRES_PORT", "70000"), ROOT))
        .hasMessageStartingWith("LEDGER_POSTGRES_PORT must be");
    assertThatThrownBy(() -> LocalClusterSettings.fromEnvironment(Map.of("LEDGER_PARTITIONS", "0"), ROOT))
        .hasMessageStartingWith("LEDGER_PARTITIONS must be");
  }

  @Test
  void twoPartsCannotShareAPort() {
    assertThatThrownBy(() -> LocalClusterSettings.fromEnvironment(Map.of("LEDGER_VIEW_PORT", "8081"), ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("LEDGER_PROCESSOR_PORT and LEDGER_VIEW_PORT are both 8081");
  }

  @Test
  void theInfrastructureAloneNeedsOnlyItsOwnPorts() {
    LocalClusterSettings.Ports ports = LocalClusterSettings.fromEnvironment(Map.of(), ROOT).ports();

    assertThat(ports.byPurpose(true)).containsOnlyKeys(5432, 9092, 9093);
    assertThat(ports.byPurpose(false)).containsOnlyKeys(5432, 9092, 9093, 8080, 8081, 8082)
        .containsEntry(8080, "api-gateway (LEDGER_GATEWAY_PORT)");
  }

  @Test
  void theOperatorLoginComesFromTheEnvironmentOrLocalDefaults() {
    LocalClusterSettings.OperatorLogin defaults = LocalClusterSettings.OperatorLogin.fromEnvironment(Map.of());
    LocalClusterSettings.OperatorLogin given = LocalClusterSettings.OperatorLogin.fromEnvironment(Map.of(
        "LEDGER_OPERATOR_EMAIL", "ops@example.com", "LEDGER_OPERATOR_PASSWORD", "s3cret-enough"));

    assertThat(defaults).isEqualTo(new LocalClusterSettings.OperatorLogin(
        LocalClusterSettings.DEFAULT_OPERATOR_EMAIL, LocalClusterSettings.DEFAULT_OPERATOR_PASSWORD, true, true));
    assertThat(given).isEqualTo(new LocalClusterSettings.OperatorLogin("ops@example.com", "s3cret-enough", false, false));
    assertThat(given.toString()).doesNotContain("s3cret-enough");
  }
}
