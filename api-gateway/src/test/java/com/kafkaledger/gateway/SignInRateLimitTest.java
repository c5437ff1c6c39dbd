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

/** Sign-in attempts from one client address are limited, whichever emails they try. */
class SignInRateLimitTest {

  private static ConfigurableApplicationContext gateway;
  private static String base;

  @BeforeAll
  static void startGateway() {
    gateway = GatewayWithoutBackends.start("gateway_rate_limit",
        "--ledger.gateway.sign-in-attempts-per-address-per-minute=3");
    base = GatewayWithoutBackends.baseUrl(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void theFourthAttemptFromOneAddressWithinAMinuteIs429() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int[] statuses = new int[4];
    for (int attempt = 0; attempt < 4; attempt++) {
      String body = "{\"email\":\"guess-" + UUID.randomUUID() + "@example.com\",\"password\":\"guess-123456789\"}";
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      statuses[attempt] = answer.statusCode();
      if (attempt == 3) {
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      }
    }

    assertThat(statuses).containsExactly(401, 401, 401, 429);
  }
}
