package com.kafkaledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** With no broker to take the command, the client gets 503 + Retry-After, not a hang or a 500. */
class KafkaUnavailableTest {

  private static ConfigurableApplicationContext gateway;
  private static int port;

  @BeforeAll
  static void startGatewayWithoutKafka() {
    gateway = ApiGatewayApplication.builder().run(
        "--server.port=0",
        // Nothing listens on port 1: the broker is unreachable.
        "--spring.kafka.bootstrap-servers=127.0.0.1:1",
        "--spring.kafka.producer.properties.max.block.ms=1000",
        "--ledger.gateway.view-url=http://127.0.0.1:1");
    port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void depositWhileKafkaIsDownIs503WithRetryAfter() throws Exception {
    String body = "{\"type\":\"DEPOSIT\",\"accountId\":\"" + UUID.randomUUID()
        + "\",\"amount\":100,\"currency\":\"EUR\"}";

    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
            .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/transactions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void readsWhileTheViewIsDownAre503() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
            .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/accounts/" + UUID.randomUUID())).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
  }
}
