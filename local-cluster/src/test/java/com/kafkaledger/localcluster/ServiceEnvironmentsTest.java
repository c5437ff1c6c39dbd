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

  @Test
  void everyServiceFindsKafkaAndListensOnLoopbackOnItsPort() {
    for (LedgerService service : LedgerService.values()) {
      assertThat(ServiceEnvironments.of(service, settings))
          .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092")
          .containsEntry("SERVER_ADDRESS", "127.0.0.1")
          .containsEntry("SERVER_PORT", Integer.toString(ServiceEnvironments.port(service, settings.ports())));
    }
  }

  @Test
  void theProcessorKeepsItsStateInTheDataDirectory() {
    assertThat(ServiceEnvironments.of(LedgerService.LEDGER_PROCESSOR, settings))
        .containsEntry("LEDGER_STATE_DIR", "/ledger/.local-data/ledger-processor-state")
        .containsEntry("SERVER_PORT", "8081");
  }

  @Test
  void theViewGetsTheDatabase() {
    assertThat(ServiceEnvironments.of(LedgerService.BALANCE_VIEW, settings))
        .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:15432/ledger")
        .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
        .containsEntry("SPRING_DATASOURCE_PASSWORD", "postgres")
        .containsEntry("SERVER_PORT", "18082");
  }

  @Test
  void theGatewayGetsTheViewAndTheOperatorLogin() {
    assertThat(ServiceEnvironments.of(LedgerService.API_GATEWAY, settings))
        .containsEntry("LEDGER_VIEW_URL", "http://127.0.0.1:18082")
        .containsEntry("LEDGER_OPERATOR_EMAIL", "ops@example.com")
        .containsEntry("LEDGER_OPERATOR_PASSWORD", "s3cret-enough")
        .containsEntry("SERVER_PORT", "8080");
  }

  @Test
  void eachServiceRunsTheExecutableJarOfItsModule() {
    assertThat(LedgerService.BALANCE_VIEW.executableJar(Path.of("/ledger")))
        .isEqualTo(Path.of("/ledger/balance-view/target/balance-view-exec.jar"));
  }
}
