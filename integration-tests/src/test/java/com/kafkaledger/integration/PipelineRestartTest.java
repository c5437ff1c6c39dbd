package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

  /**
   * A command that reaches the topic again (a gateway's retry, a replayed record) is caught by
   * the ledger's memory of decided ids, which it rebuilds at each start: from its state directory,
   * and, with that wiped, from the changelogs. A transfer's signed credit leg included.
   */
  @Test
  void aCommandPublishedAgainAfterARestartOrARestoreIsNotAppliedAgain() throws Exception {
    pipeline = new Pipeline("restart_repeat");
    LedgerClient client = new LedgerClient(pipeline.gatewayUrl());
    String payer = client.openAccount("EUR");
    String payee = client.openAccount("EUR");
    client.move("DEPOSIT", payer, 400, "EUR");
    String transfer = client.submitTransfer(payer, payee, 150, "EUR", "rent").json().get("transactionId").stringValue();
    assertThat(client.finalOutcome(transfer).get("status").stringValue()).isEqualTo("COMPLETED");
    ConsumerRecord<String, byte[]> deposit = TopicReader.recordsFor(pipeline.kafka, Topics.COMMANDS, payer).get(1);
    ConsumerRecord<String, byte[]> creditLeg = TopicReader.recordsFor(pipeline.kafka, Topics.COMMANDS, payee).get(1);
    assertThat(new String(deposit.value(), StandardCharsets.UTF_8)).contains("\"DEPOSIT\"");
    assertThat(new String(creditLeg.value(), StandardCharsets.UTF_8)).contains(transfer, "\"CREDIT\"");

    pipeline.stopProcessor();
    pipeline.startProcessor();
    publishAgainThenDeposit(client, List.of(deposit, creditLeg), 1);

    pipeline.stopProcessor();
    pipeline.wipeProcessorState();
    pipeline.startProcessor();
    publishAgainThenDeposit(client, List.of(deposit, creditLeg), 2);

    assertThat(client.balance(payer)).isEqualTo(400 - 150 + 1 + 2);
    assertThat(client.balance(payee)).isEqualTo(150 + 1 + 2);
    assertThat(TopicReader.committedEventsFor(pipeline.kafka, payer))
        .extracting(TopicReader.RawEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(TopicReader.committedEventsFor(pipeline.kafka, payee))
        .extracting(TopicReader.RawEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
  }

  /**
   * Publishes the records again, then deposits {@code amount} to each of their accounts: a deposit
   * is decided after the repeat before it on the same partition, so once it is, so is the repeat.
   */
  private void publishAgainThenDeposit(LedgerClient client, List<ConsumerRecord<String, byte[]>> records,
      long amount) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka);
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      for (ConsumerRecord<String, byte[]> record : records) {
        producer.send(new ProducerRecord<>(Topics.COMMANDS, null, record.key(), record.value(), record.headers())).get();
      }
    }
    for (ConsumerRecord<String, byte[]> record : records) {
      client.move("DEPOSIT", record.key(), amount, "EUR");
    }
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
