package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What survives restarts: the ledger's state, and the view, rebuilt from the event topic alone. */
class PipelineRestartTest {

  private Pipeline pipeline;

  @AfterEach
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void ledgerKeepsBalancesAndSequencesAcrossARestart() {
    pipeline = new Pipeline("restart_ledger");
    LedgerClient client = new LedgerClient(pipeline.gatewayUrl());
    String account = client.openAccount("EUR");
    client.move("DEPOSIT", account, 400, "EUR");

    pipeline.stopProcessor();
    pipeline.startProcessor();

    assertThat(client.move("WITHDRAWAL", account, 150, "EUR").get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(client.move("WITHDRAWAL", account, 251, "EUR").get("reason").stringValue())
        .isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(client.balance(account)).isEqualTo(250);
    assertThat(TopicReader.committedEventsFor(pipeline.kafka, account))
        .extracting(TopicReader.RawEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void viewStartedOnAnEmptyDatabaseRebuildsTheSameBalancesAndHistoryFromTheTopic() {
    pipeline = new Pipeline("rebuild_before");
    LedgerClient client = new LedgerClient(pipeline.gatewayUrl());
    String account = client.openAccount("EUR");
    client.move("DEPOSIT", account, 1_000, "EUR");
    client.move("WITHDRAWAL", account, 5_000, "EUR");
    String lastTransaction = client.move("WITHDRAWAL", account, 250, "EUR").get("transactionId").stringValue();
    JsonNode accountBefore = client.account(account);
    JsonNode historyBefore = client.history(account, "?limit=100");
    JsonNode transactionBefore = client.finalOutcome(lastTransaction);

    pipeline.rebuildViewFromScratch("rebuild_after");
    LedgerClient rebuilt = client.at(pipeline.gatewayUrl());

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(rebuilt.http.get("/api/v1/accounts/" + account).status()).isEqualTo(200);
      assertThat(rebuilt.account(account)).isEqualTo(accountBefore);
    });
    assertThat(rebuilt.history(account, "?limit=100")).isEqualTo(historyBefore);
    assertThat(rebuilt.finalOutcome(lastTransaction)).isEqualTo(transactionBefore);
  }
}
