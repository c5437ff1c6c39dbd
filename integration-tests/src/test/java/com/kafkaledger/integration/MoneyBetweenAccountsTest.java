package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Transfers, charges, overdraft, closing and the books, through the public API on real Kafka and PostgreSQL. */
class MoneyBetweenAccountsTest {

  private static final int MAX_ACCOUNTS_PER_CUSTOMER = 4;
  private static Pipeline pipeline;
  private static LedgerClient api;

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("money_between_accounts", MAX_ACCOUNTS_PER_CUSTOMER);
    api = new LedgerClient(pipeline.gatewayUrl());
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void fiftyChargesRacingForAHundredEndTenCompletedFortyRejectedAndRecorded() throws Exception {
    LedgerClient customer = api.as("racing-customer");
    LedgerClient merchant = api.asMerchant("racing-merchant");
    String wallet = customer.openAccount("EUR");
    String shop = merchant.openAccount("EUR");
    customer.move("DEPOSIT", wallet, 100, "EUR");

    List<String> transactions = new ArrayList<>();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Http.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        answers.add(clients.submit(() -> merchant.submitCharge(wallet, 10, "EUR", "coffee")));
      }
      for (Future<Http.Response> answer : answers) {
        Http.Response accepted = answer.get();
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        transactions.add(accepted.json().get("transactionId").stringValue());
      }
    } finally {
      clients.shutdown();
    }
    List<JsonNode> outcomes = transactions.stream().map(merchant::finalOutcome).toList();

    assertThat(outcomes).filteredOn(outcome -> outcome.get("status").stringValue().equals("COMPLETED")).hasSize(10);
    assertThat(outcomes).filteredOn(outcome -> outcome.get("status").stringValue().equals("REJECTED"))
        .hasSize(40).allSatisfy(outcome -> assertThat(outcome.get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS"));
    assertThat(customer.balance(wallet)).isZero();
    assertThat(merchant.balance(shop)).isEqualTo(100);
    JsonNode history = customer.history(wallet, "?limit=100").get("items");
    assertThat(history).filteredOn(item -> item.get("status").stringValue().equals("REJECTED")).hasSize(40);
    assertThat(history).filteredOn(item -> item.get("type").stringValue().equals("CHARGE"))
        .allSatisfy(item -> assertThat(item.get("description").stringValue()).isEqualTo("coffee"));
  }

  @Test
  void transferAcrossPartitionsCompletesWithCounterpartyAndDescriptionInBothHistories() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    String from = alice.openAccount("EUR");
    var other = accountInAnotherPartitionThan(from);
    LedgerClient bob = other.owner();
    String to = other.accountId();
    alice.move("DEPOSIT", from, 500, "EUR");

    JsonNode outcome = alice.transfer(from, to, 120, "EUR", "rent share");

    assertThat(outcome.get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(outcome.get("fromAccountId").stringValue()).isEqualTo(from);
    assertThat(outcome.get("toAccountId").stringValue()).isEqualTo(to);
    assertThat(alice.balance(from)).isEqualTo(380);
    assertThat(bob.balance(to)).isEqualTo(120);
    JsonNode sent = alice.history(from, "").get("items").get(0);
    JsonNode received = bob.history(to, "").get("items").get(0);
    assertThat(sent.get("counterpartyAccountId").stringValue()).isEqualTo(to);
    assertThat(received.get("counterpartyAccountId").stringValue()).isEqualTo(from);
    assertThat(received.get("description").stringValue()).isEqualTo("rent share");
    assertThat(received.get("type").stringValue()).isEqualTo("TRANSFER");
  }

  @Test
  void transferToAnUnknownAccountIsReversedAndRejected() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    String from = alice.openAccount("EUR");
    alice.move("DEPOSIT", from, 100, "EUR");

    JsonNode outcome = alice.transfer(from, UUID.randomUUID().toString(), 60, "EUR", "oops");

    assertThat(outcome.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(outcome.get("reason").stringValue()).isEqualTo("ACCOUNT_NOT_FOUND");
    assertThat(alice.balance(from)).isEqualTo(100);
    assertThat(alice.history(from, "").get("items")).extracting(item -> item.get("eventType").stringValue())
        .startsWith("TRANSFER_REVERSED", "TRANSFER_DEBITED");
  }

  @Test
  void closedAccountRefusesMoneyAndTransfersToItAreReversed() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    String from = alice.openAccount("EUR");
    String closed = alice.openAccount("EUR");
    alice.move("DEPOSIT", from, 100, "EUR");

    JsonNode closing = closeAccount(alice, closed);

    assertThat(closing.get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(alice.account(closed).get("status").stringValue()).isEqualTo("CLOSED");
    assertThat(alice.transfer(from, closed, 10, "EUR", "x").get("reason").stringValue())
        .isEqualTo("ACCOUNT_CLOSED");
    assertThat(alice.move("DEPOSIT", closed, 10, "EUR").get("reason").stringValue()).isEqualTo("ACCOUNT_CLOSED");
    assertThat(alice.balance(from)).isEqualTo(100);
  }

  @Test
  void accountWithMoneyCannotBeClosed() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    String account = alice.openAccount("EUR");
    alice.move("DEPOSIT", account, 1, "EUR");

    JsonNode closing = closeAccount(alice, account);

    assertThat(closing.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(closing.get("reason").stringValue()).isEqualTo("ACCOUNT_NOT_EMPTY");
    assertThat(alice.account(account).get("status").stringValue()).isEqualTo("OPEN");
  }

  @Test
  void transferToAnotherCurrencyIsRefusedAndTheMoneyStays() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    String euros = alice.openAccount("EUR");
    String dollars = alice.openAccount("USD");
    alice.move("DEPOSIT", euros, 100, "EUR");

    JsonNode outcome = alice.transfer(euros, dollars, 50, "EUR", "fx");

    assertThat(outcome.get("reason").stringValue()).isEqualTo("CURRENCY_MISMATCH");
    assertThat(alice.balance(euros)).isEqualTo(100);
    assertThat(alice.balance(dollars)).isZero();
  }

  @Test
  void overdraftLimitLetsTheBalanceGoBelowZeroButNoFurther() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    String account = alice.openAccount("EUR");
    alice.move("DEPOSIT", account, 100, "EUR");

    LedgerClient operator = api.asOperator();
    assertThat(alice.http.put("/api/v1/accounts/" + account + "/overdraft-limit", "{\"limit\":50}").status())
        .as("only operators set limits").isEqualTo(403);
    Http.Response set = operator.http.put("/api/v1/accounts/" + account + "/overdraft-limit", "{\"limit\":50}");
    operator.finalOutcome(set.json().get("transactionId").stringValue());

    assertThat(alice.account(account).get("overdraftLimit").longValue()).isEqualTo(50);
    assertThat(alice.account(account).get("availableBalance").longValue()).isEqualTo(150);
    assertThat(alice.move("WITHDRAWAL", account, 150, "EUR").get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(alice.move("WITHDRAWAL", account, 1, "EUR").get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(alice.balance(account)).isEqualTo(-50);
  }

  @Test
  void customersHaveALimitedNumberOfAccountsAndMerchantsOne() {
    LedgerClient customer = api.as("many-accounts-" + UUID.randomUUID());
    for (int i = 0; i < MAX_ACCOUNTS_PER_CUSTOMER; i++) {
      customer.openAccount("EUR");
    }
    LedgerClient merchant = api.asMerchant("merchant");
    merchant.openAccount("EUR");

    assertThat(customer.http.post("/api/v1/accounts", "{\"currency\":\"EUR\"}", Map.of()).status()).isEqualTo(409);
    assertThat(merchant.http.post("/api/v1/accounts", "{\"currency\":\"EUR\"}", Map.of()).status()).isEqualTo(409);
  }

  @Test
  void booksBalanceAndMatchTheLedgerAfterAMixedRun() {
    LedgerClient alice = api.as("alice-" + UUID.randomUUID());
    LedgerClient shopOwner = api.asMerchant("shop");
    LedgerClient operator = api.asOperator();
    String a = alice.openAccount("EUR");
    String b = alice.openAccount("EUR");
    shopOwner.openAccount("EUR");
    alice.move("DEPOSIT", a, 1_000, "EUR");
    alice.transfer(a, b, 300, "EUR", "savings");
    shopOwner.charge(b, 120, "EUR", "groceries");
    alice.transfer(a, UUID.randomUUID().toString(), 50, "EUR", "lost");
    alice.move("WITHDRAWAL", a, 200, "EUR");

    assertThat(alice.http.get("/api/v1/admin/reconciliation").status()).as("operators only").isEqualTo(403);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode books = operator.http.get("/api/v1/admin/reconciliation").json();
      assertThat(books.get("balanced").booleanValue()).as(books.toString()).isTrue();
      JsonNode euros = currency(books, "EUR");
      assertThat(euros.get("total").longValue()).isZero();
      assertThat(euros.get("inFlight").longValue()).isZero();
      assertThat(euros.get("viewCaughtUp").asBoolean()).as(euros.toString()).isTrue();
      assertThat(euros.get("matchesLedger").asBoolean()).as(euros.toString()).isTrue();
    });
  }

  private static JsonNode closeAccount(LedgerClient client, String account) {
    Http.Response accepted = client.http.delete("/api/v1/accounts/" + account, Map.of());
    assertThat(accepted.status()).as(accepted.body()).isIn(200, 202);
    return client.finalOutcome(accepted.json().get("transactionId").stringValue());
  }

  private static JsonNode currency(JsonNode books, String code) {
    for (JsonNode currency : books.get("currencies")) {
      if (currency.get("currency").stringValue().equals(code)) {
        return currency;
      }
    }
    throw new AssertionError("no " + code + " in " + books);
  }

  /** Opens accounts until one lands in another partition than {@code account}, as Kafka's partitioner places them. */
  private static OwnedAccount accountInAnotherPartitionThan(String account) {
    int partition = partitionOf(account);
    for (int attempt = 0; attempt < 20; attempt++) {
      LedgerClient owner = api.as("bob");
      String candidate = owner.openAccount("EUR");
      if (partitionOf(candidate) != partition) {
        return new OwnedAccount(owner, candidate);
      }
    }
    throw new AssertionError("no account outside partition " + partition);
  }

  private record OwnedAccount(LedgerClient owner, String accountId) {}

  private static int partitionOf(String accountId) {
    return Utils.toPositive(Utils.murmur2(accountId.getBytes(StandardCharsets.UTF_8))) % TestInfrastructure.PARTITIONS;
  }
}
