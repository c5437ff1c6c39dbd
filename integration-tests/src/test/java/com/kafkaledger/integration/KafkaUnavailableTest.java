package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.testsupport.TestInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With the broker gone, a submission is 503 with Retry-After, each item of a batch is 503 on its
 * own with its retryAfter, and reads still work.
 */
class KafkaUnavailableTest {

  private static Pipeline pipeline;
  private static LedgerClient owner;
  private static String account;

  @BeforeAll
  static void startThenLoseKafka() {
    pipeline = new Pipeline("kafka_unavailable");
    owner = new LedgerClient(pipeline.gatewayUrl());
    account = owner.openAccount("EUR");
    owner.move("DEPOSIT", account, 100, "EUR");
    TestInfrastructure.stopKafkaBroker(pipeline.kafka);
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void aSubmissionIs503WithRetryAfterAndTheBalanceIsUntouched() {
    Http.Response refused = owner.submit("DEPOSIT", account, 50, "EUR", Map.of("Idempotency-Key", "while-down"));

    assertThat(refused.status()).as(refused.body()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isEqualTo("5");
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(owner.balance(account)).isEqualTo(100);
  }

  @Test
  void eachItemOfABatchIs503AndTheBalanceIsUntouched() {
    String batch = """
        {"transactions": [
          {"idempotencyKey": "batch-while-down-1", "type": "DEPOSIT", "accountId": "%1$s", "amount": 7,
           "currency": "EUR"},
          {"idempotencyKey": "batch-while-down-2", "type": "WITHDRAWAL", "accountId": "%1$s", "amount": 3,
           "currency": "EUR"}]}
        """.formatted(account);

    Http.Response answered = owner.http.post("/api/v1/transactions/batch", batch, Map.of());

    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    assertThat(answered.header("Retry-After")).isEqualTo("5");
    JsonNode results = answered.json().get("results");
    assertThat(results).hasSize(2);
    for (JsonNode result : results) {
      assertThat(result.get("status").intValue()).as(result.toString()).isEqualTo(503);
      assertThat(result.at("/body/type").stringValue()).isEqualTo("/problems/unavailable");
      assertThat(result.get("retryAfter").intValue()).as("as the Retry-After of a request of its own").isEqualTo(5);
    }
    assertThat(owner.balance(account)).isEqualTo(100);
  }
}
