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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What bounds the memory batches take: how many are handled at once, and how large a tree one makes. */
class BatchLimitsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static ConfigurableApplicationContext busy;
  private static ConfigurableApplicationContext open;

  @BeforeAll
  static void startGateways() {
    busy = GatewayWithoutBackends.start("gateway_batches_busy", "--ledger.gateway.batch-max-in-progress=0",
        "--ledger.gateway.batch-admission-wait=0s");
    open = GatewayWithoutBackends.start("gateway_batches_open");
  }

  @AfterAll
  static void stop() {
    busy.close();
    open.close();
  }

  @Test
  void aBatchBeyondTheMostInProgressIs503WithRetryAfter() throws Exception {
    HttpResponse<String> refused = postBatch(busy, "{\"transactions\":[]}");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("5");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(refused).get("detail").stringValue()).contains("nothing of this one was read or published");
  }

  @Test
  void aBodyOfMoreValuesThanTheLargestBatchNeedsIsRefusedWholeBeforeItBecomesATree() throws Exception {
    // one movement carrying 150,000 numbers: within the 500 movements, and a tree of some 4 MiB
    String oneItem = "{\"transactions\":[{\"idempotencyKey\":\"k\",\"padding\":[" + "1,".repeat(150_000)
        + "1]}]}";
    // 400 KiB of empty objects: a tree of about 10 MiB
    String emptyObjects = "{\"transactions\":[" + "{},".repeat(136_000) + "{}]}";

    for (String body : new String[] {oneItem, emptyObjects}) {
      HttpResponse<String> refused = postBatch(open, body);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(json(refused).at("/errors/0/field").stringValue()).isEqualTo("body");
      assertThat(json(refused).get("detail").stringValue()).contains("more JSON values than they need");
    }
    assertThat(json(postBatch(open, "{\"transactions\":[")).at("/errors/0/field").stringValue())
        .as("not well-formed").isEqualTo("body");
    assertThat(json(postBatch(open, "")).at("/errors/0/field").stringValue()).isEqualTo("body");
  }

  private static HttpResponse<String> postBatch(ConfigurableApplicationContext gateway, String body) throws Exception {
    String base = GatewayWithoutBackends.baseUrl(gateway);
    String email = "batcher-" + UUID.randomUUID() + "@example.com";
    post(base + "/api/v1/auth/signup", null, "{\"email\":\"" + email
        + "\",\"password\":\"batch-password-42\",\"role\":\"CUSTOMER\",\"displayName\":\"B\"}");
    String token = json(post(base + "/api/v1/auth/token", null,
        "{\"email\":\"" + email + "\",\"password\":\"batch-password-42\"}")).get("accessToken").stringValue();
    return post(base + "/api/v1/transactions/batch", token, body);
  }

  private static HttpResponse<String> post(String url, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }
}
