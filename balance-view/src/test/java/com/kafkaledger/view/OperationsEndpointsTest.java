package com.kafkaledger.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest extends BalanceViewIntegrationTest {

  @Test
  void readinessIsUpWithDatabaseAndKafkaReachable() {
    api.get().uri("/actuator/health/readiness").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
    api.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void prometheusShowsProjectionMetrics() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());

    byte[] scrape = api.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody().returnResult().getResponseBody();

    assertThat(new String(scrape, StandardCharsets.UTF_8))
        .contains("balance_view_events_projected_total{result=\"new\"}")
        .contains("balance_view_commands_recorded_total")
        .contains("kafka_consumer");
  }
}
