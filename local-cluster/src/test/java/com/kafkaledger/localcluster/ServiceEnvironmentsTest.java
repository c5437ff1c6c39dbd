package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.localcluster.service.LedgerService;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentsTest {

  private final LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(Map.of(
      "LEDGER_KAFKA_PORT", "19092", "LEDGER_POSTGRES_PORT", "15432", "LEDGER_VIEW_PORT", "18082",
      "LEDGER_OPERATOR_EMAIL", "ops@example.com", "LEDGER_OPERATOR_PASSWORD", "s3cret-enough"), Path.of("/ledger"));
  private final LocalSecrets secrets = new LocalSecrets(
      new LocalSecrets.Secret("token-secret-of-at-least-thirty-two-bytes", "LEDGER_TOKEN_SECRET",
          Path.of("/ledger/.local-data/secrets/token-secret")),
      new LocalSecrets.Secret("internal-token-value", "LEDGER_INTERNAL_TOKEN", null),
      new LocalSecrets.Secret("leg-signing-key-of-at-least-thirty-two-bytes", "LEDGER_LEG_SIGNING_KEY", null));

  @Test
  void everyServiceFindsKafkaAndListensOnLoopbackOnItsPort() {
    for (LedgerService service : LedgerService.values()) {
      assertThat(ServiceEnvironments.of(service, settings, secrets))
          .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
          .containsEntry("SERVER_ADDRESS", "127.0.0.1")
          .containsEntry("SERVER_PORT", Integer.toString(ServiceEnvironments.port(service, settings.ports())));
    }
  }

  @Test
  void theProcessorKeepsItsStateInTheDataDirectory() {
    assertThat(ServiceEnvironments.of(LedgerService.LEDGER_PROCESSOR, settings, secrets))
        .containsEntry("LEDGER_STATE_DIR", "/ledger/.local-data/ledger-processor-state")
        .containsEntry("LEDGER_LEG_SIGNING_KEY", "leg-signing-key-of-at-least-thirty-two-bytes")
        .containsEntry("SERVER_PORT", "8081");
  }

  @Test
  void theViewGetsTheDatabaseAndTheInternalTokenButNotTheSigningKey() {
    assertThat(ServiceEnvironments.of(LedgerService.BALANCE_VIEW, settings, secrets))
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/ledger")
        .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres")
        .containsEntry("LEDGER_INTERNAL_TOKEN", "internal-token-value")
        .containsEntry("SERVER_PORT", "18082")
        .doesNotContainKey("LEDGER_TOKEN_SECRET");
  }

  @Test
  void theGatewayGetsTheViewTheOperatorLoginAndBothSecrets() {
    assertThat(ServiceEnvironments.of(LedgerService.API_GATEWAY, settings, secrets))
        .containsEntry("LEDGER_VIEW_URL", "http://127.0.0.1:18082")
        .containsEntry("LEDGER_OPERATOR_EMAIL", "ops@example.com")
        .containsEntry("LEDGER_OPERATOR_PASSWORD", "s3cret-enough")
        .containsEntry("LEDGER_TOKEN_SECRET", "token-secret-of-at-least-thirty-two-bytes")
        .containsEntry("LEDGER_INTERNAL_TOKEN", "internal-token-value")
        .containsEntry("SERVER_PORT", "8080");
  }

  @Test
  void theGatewayKeepsItsUsersInItsOwnSchemaOfTheLedgerDatabase() {
    assertThat(ServiceEnvironments.of(LedgerService.API_GATEWAY, settings, secrets))
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/ledger?currentSchema=gateway")
        .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres");
  }

  @Test
  void theProcessorGetsOnlyItsLegSigningKeyAndNoDatabase() {
    assertThat(ServiceEnvironments.of(LedgerService.LEDGER_PROCESSOR, settings, secrets))
        .doesNotContainKeys("LEDGER_TOKEN_SECRET", "LEDGER_INTERNAL_TOKEN", "SPRING_DATASOURCE_URL");
  }

  @Test
  void eachServiceRunsTheExecutableJarOfItsModule() {
    assertThat(LedgerService.BALANCE_VIEW.executableJar(Path.of("/ledger")))
        .isEqualTo(Path.of("/ledger/balance-view/target/balance-view-exec.jar"));
  }
}
