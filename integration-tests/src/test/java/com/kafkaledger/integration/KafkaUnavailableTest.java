package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.testsupport.TestInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the broker gone, a submission is 503 with Retry-After, and reads still work. */
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
}
