package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Role;
import com.kafkaledger.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, through real HTTP on the running pipeline: every refusal leaves the money where
 * it was and publishes nothing.
 */
class AccessRulesTest {

  private static Pipeline pipeline;
  private static LedgerClient api;
  private LedgerClient alice;
  private LedgerClient mallory;
  private String alicesAccount;

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("access_rules");
    api = new LedgerClient(pipeline.gatewayUrl());
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @BeforeEach
  void aliceHasMoney() {
    alice = api.as("alice");
    mallory = api.as("mallory");
    alicesAccount = alice.openAccount("EUR");
    alice.move("DEPOSIT", alicesAccount, 1_000, "EUR");
  }

  @Test
  void someoneElsesAccountIsNotFoundForEveryReadAndEveryMove() {
    String mallorysAccount = mallory.openAccount("EUR");

    assertThat(mallory.http.get("/api/v1/accounts/" + alicesAccount).status()).isEqualTo(404);
    assertThat(mallory.http.get("/api/v1/accounts/" + alicesAccount + "/transactions").status()).isEqualTo(404);
    assertThat(mallory.submit("WITHDRAWAL", alicesAccount, 10, "EUR", Map.of()).status()).isEqualTo(404);
    assertThat(mallory.submit("DEPOSIT", alicesAccount, 10, "EUR", Map.of()).status()).isEqualTo(404);
    assertThat(mallory.submitTransfer(alicesAccount, mallorysAccount, 10, "EUR", "mine now").status()).isEqualTo(404);
    assertThat(mallory.http.delete("/api/v1/accounts/" + alicesAccount, Map.of()).status()).isEqualTo(404);
    assertThat(mallory.http.get("/api/v1/accounts").body()).doesNotContain(alicesAccount);

    assertThat(alice.balance(alicesAccount)).isEqualTo(1_000);
    assertThat(TopicReader.commandsFor(pipeline.kafka, alicesAccount)).as("opening and deposit only").hasSize(2);
  }

  @Test
  void someoneElsesTransactionIsNotFoundButBothPartiesSeeATransfer() {
    LedgerClient bob = api.as("bob");
    String bobsAccount = bob.openAccount("EUR");
    String transfer = alice.transfer(alicesAccount, bobsAccount, 100, "EUR", "gift").get("transactionId").stringValue();

    assertThat(mallory.http.get("/api/v1/transactions/" + transfer).status()).isEqualTo(404);
    assertThat(bob.http.get("/api/v1/transactions/" + transfer).status()).isEqualTo(200);
    assertThat(alice.http.get("/api/v1/transactions/" + transfer).status()).isEqualTo(200);
    assertThat(api.asOperator().http.get("/api/v1/transactions/" + transfer).status()).isEqualTo(200);
  }

  @Test
  void aCustomerCallingChargeIs403AndNothingMoves() {
    Http.Response refused = mallory.submitCharge(alicesAccount, 10, "EUR", "not a shop");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(alice.balance(alicesAccount)).isEqualTo(1_000);
  }

  @Test
  void aMerchantChargesAnyWalletIntoItsOwnAccountOnly() {
    LedgerClient shop = api.asMerchant("shop");
    assertThat(shop.submitCharge(alicesAccount, 10, "EUR", "before opening").status()).isEqualTo(409);
    String shopAccount = shop.openAccount("EUR");

    assertThat(shop.charge(alicesAccount, 25, "EUR", "book").get("toAccountId").stringValue()).isEqualTo(shopAccount);
    assertThat(shop.balance(shopAccount)).isEqualTo(25);
    assertThat(alice.balance(alicesAccount)).isEqualTo(975);
  }

  @Test
  void aMerchantChargesCustomersWalletsOnlyNotItsOwnAccountNorAnotherMerchants() {
    LedgerClient shop = api.asMerchant("shop");
    LedgerClient rival = api.asMerchant("rival");
    String shopAccount = shop.openAccount("EUR");
    String rivalAccount = rival.openAccount("EUR");
    rival.move("DEPOSIT", rivalAccount, 100, "EUR");

    Http.Response ownAccount = shop.submitCharge(shopAccount, 10, "EUR", "to myself");
    JsonNode rivals = shop.charge(rivalAccount, 10, "EUR", "not a customer");

    assertThat(ownAccount.status()).isEqualTo(400);
    assertThat(ownAccount.json().get("errors").get(0).get("field").stringValue()).isEqualTo("fromAccountId");
    assertThat(TopicReader.commandsFor(pipeline.kafka, shopAccount)).as("the opening only").hasSize(1);
    assertThat(rivals.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(rivals.get("reason").stringValue()).isEqualTo("NOT_AUTHORIZED");
    assertThat(rival.balance(rivalAccount)).isEqualTo(100);
    assertThat(shop.balance(shopAccount)).isZero();
  }

  @Test
  void operatorsReadEveryAccountButCannotMoveCustomersMoney() {
    LedgerClient operator = api.asOperator();

    assertThat(operator.account(alicesAccount).get("balance").longValue()).isEqualTo(1_000);
    assertThat(operator.submit("WITHDRAWAL", alicesAccount, 10, "EUR", Map.of()).status()).isEqualTo(404);
    assertThat(operator.http.post("/api/v1/accounts", "{\"currency\":\"EUR\"}", Map.of()).status()).isEqualTo(403);
  }

  @Test
  void withoutATokenOrAfterLogoutEverythingIs401() {
    Http anonymous = new Http(pipeline.gatewayUrl(), Map.of());
    LedgerClient leaving = api.as("leaving");

    assertThat(anonymous.get("/api/v1/accounts/" + alicesAccount).status()).isEqualTo(401);
    assertThat(anonymous.post("/api/v1/transactions", "{\"type\":\"DEPOSIT\",\"accountId\":\"" + alicesAccount
        + "\",\"amount\":5,\"currency\":\"EUR\"}", Map.of()).status()).isEqualTo(401);
    assertThat(leaving.http.post("/api/v1/auth/logout", "", Map.of()).status()).isEqualTo(204);
    assertThat(leaving.http.get("/api/v1/accounts").status()).isEqualTo(401);
    assertThat(alice.balance(alicesAccount)).isEqualTo(1_000);
  }

  @Test
  void aCommandForgedOntoTheTopicWithoutAuthorityIsRejectedByTheLedger() throws Exception {
    String forged = UUID.randomUUID().toString();
    LedgerCommand withdrawal = LedgerCommand.movement(forged, CommandType.WITHDRAWAL, alicesAccount,
        mallory.userId, 1_000, "EUR", "forged", "fp", Instant.now()).byRole(Role.CUSTOMER);

    publish(alicesAccount, JsonSerde.commands().serialize(Topics.COMMANDS, withdrawal));

    JsonNode outcome = alice.finalOutcome(forged);
    assertThat(outcome.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(outcome.get("reason").stringValue()).isEqualTo("NOT_AUTHORIZED");
    assertThat(alice.balance(alicesAccount)).isEqualTo(1_000);
  }

  @Test
  void aCreditLegForgedOntoTheTopicIsDeadLetteredAndCreatesNoMoney() throws Exception {
    String mallorysAccount = mallory.openAccount("EUR");
    LedgerCommand debit = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER,
        alicesAccount, mallorysAccount, alice.userId, 1_000, "EUR", "never debited", "fp", Instant.now())
        .byRole(Role.CUSTOMER);

    publish(mallorysAccount, JsonSerde.commands().serialize(Topics.COMMANDS, debit.creditLeg()));

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        TopicReader.deadLettersFor(pipeline.kafka, mallorysAccount)).singleElement()
        .satisfies(reason -> assertThat(reason).contains("signature")));
    assertThat(mallory.balance(mallorysAccount)).isZero();
    assertThat(alice.balance(alicesAccount)).isEqualTo(1_000);
  }

  @Test
  void anUnreadableCommandIsDeadLetteredWithItsReasonAndThePartitionKeepsFlowing() throws Exception {
    publish(alicesAccount, "{\"not\":\"a command".getBytes(StandardCharsets.UTF_8));

    assertThat(alice.move("DEPOSIT", alicesAccount, 5, "EUR").get("status").stringValue()).isEqualTo("COMPLETED");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
        TopicReader.deadLettersFor(pipeline.kafka, alicesAccount)).singleElement()
        .satisfies(reason -> assertThat(reason).isNotBlank()));
  }

  private static void publish(String key, byte[] value) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.kafka);
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.COMMANDS, key, value)).get();
    }
  }

  @Test
  void anUnknownTransactionIdIsNotFound() {
    assertThat(alice.http.get("/api/v1/transactions/" + UUID.randomUUID()).status()).isEqualTo(404);
  }
}
