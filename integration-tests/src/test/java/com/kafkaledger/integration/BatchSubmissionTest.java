package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/transactions/batch on real Kafka and PostgreSQL: each item is answered as its own
 * POST /transactions would be, a refused item holds back nothing else, and retrying a batch (or an
 * item within it) never moves money twice.
 */
class BatchSubmissionTest {

  private static Pipeline pipeline;
  private static LedgerClient api;

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("batch_submission");
    api = new LedgerClient(pipeline.gatewayUrl());
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void eachItemIsAnsweredOnItsOwnAndOnlyTheAcceptedOnesMoveMoney() {
    LedgerClient ana = api.as("ana");
    LedgerClient bruno = api.as("bruno");
    String wallet = ana.openAccount("EUR");
    String savings = ana.openAccount("EUR");
    String brunos = bruno.openAccount("EUR");
    String batch = batch(
        item("deposit-1", deposit(wallet, 1_000)),
        item("transfer-1", transfer(wallet, savings, 300)),
        item("fraction", "\"type\":\"DEPOSIT\",\"accountId\":\"" + wallet + "\",\"amount\":12.5,\"currency\":\"EUR\""),
        item("not-mine", deposit(brunos, 50)),
        "{" + deposit(wallet, 7) + "}",
        item("deposit-1", deposit(wallet, 1_000)),
        item("deposit-1", deposit(wallet, 999)),
        item("transfer-out", transfer(wallet, brunos, 100_000)));

    Http.Response answered = ana.http.post("/api/v1/transactions/batch", batch, Map.of());

    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    JsonNode results = answered.json().get("results");
    assertThat(results).hasSize(8);
    assertThat(statuses(results)).containsExactly(202, 202, 400, 404, 400, 202, 422, 202);
    assertThat(results.get(2).at("/body/errors/0/field").stringValue()).isEqualTo("amount");
    assertThat(results.get(4).at("/body/errors/0/field").stringValue()).isEqualTo("idempotencyKey");
    assertThat(results.get(3).at("/body/type").stringValue()).isEqualTo("/problems/not-found");
    assertThat(results.get(6).at("/body/type").stringValue()).isEqualTo("/problems/idempotency-key-reused");
    assertThat(results.get(1).get("idempotencyKey").stringValue()).isEqualTo("transfer-1");
    String deposit = results.get(0).at("/body/transactionId").stringValue();
    assertThat(results.get(5).at("/body/transactionId").stringValue())
        .as("the same key and movement twice in one batch is one transaction").isEqualTo(deposit);

    assertThat(ana.finalOutcome(deposit).get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(ana.finalOutcome(results.get(1).at("/body/transactionId").stringValue()).get("status")
        .stringValue()).isEqualTo("COMPLETED");
    JsonNode tooMuch = ana.finalOutcome(results.get(7).at("/body/transactionId").stringValue());
    assertThat(tooMuch.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(tooMuch.get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(ana.balance(wallet)).as("one deposit of 1000, one transfer of 300 out").isEqualTo(700);
    assertThat(ana.balance(savings)).isEqualTo(300);
    assertThat(bruno.balance(brunos)).as("nothing refused or rejected arrived").isZero();

    Http.Response retried = ana.http.post("/api/v1/transactions/batch", batch, Map.of());

    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    JsonNode again = retried.json().get("results");
    assertThat(statuses(again)).as("decided replays answer 200 with the outcome")
        .containsExactly(200, 200, 400, 404, 400, 200, 422, 200);
    assertThat(again.get(0).at("/body/transactionId").stringValue()).isEqualTo(deposit);
    assertThat(again.get(0).at("/body/status").stringValue()).isEqualTo("COMPLETED");
    assertThat(again.get(7).at("/body/reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(ana.balance(wallet)).as("the retried batch moved nothing").isEqualTo(700);
    assertThat(ana.history(wallet, "?limit=100").get("items"))
        .as("opened, then one event per transaction: deposited, debited, rejected").hasSize(4);
  }

  @Test
  void anItemOfABatchAndASingleRequestWithTheSameKeyAreOneTransaction() {
    LedgerClient ana = api.as("ana-single");
    String wallet = ana.openAccount("EUR");
    String single = decidedDeposit(ana, wallet, 40, "shared-key");

    Http.Response batched = ana.http.post("/api/v1/transactions/batch",
        batch(item("shared-key", deposit(wallet, 40)), item("other-key", deposit(wallet, 2))), Map.of());

    JsonNode results = batched.json().get("results");
    assertThat(statuses(results)).containsExactly(200, 202);
    assertThat(results.get(0).at("/body/transactionId").stringValue()).isEqualTo(single);
    ana.finalOutcome(results.get(1).at("/body/transactionId").stringValue());
    assertThat(ana.balance(wallet)).isEqualTo(42);
  }

  @Test
  void aRepeatedKeyInOneBatchIsJudgedAgainstTheStoredOriginal() {
    LedgerClient ana = api.as("ana-stored");
    String wallet = ana.openAccount("EUR");
    String original = decidedDeposit(ana, wallet, 40, "stored-key");

    Http.Response batched = ana.http.post("/api/v1/transactions/batch",
        batch(item("stored-key", deposit(wallet, 41)), item("stored-key", deposit(wallet, 40))), Map.of());

    JsonNode results = batched.json().get("results");
    assertThat(statuses(results)).as("the differing copy refused, the matching one a replay of the original")
        .containsExactly(422, 200);
    assertThat(results.get(0).at("/body/type").stringValue()).isEqualTo("/problems/idempotency-key-reused");
    assertThat(results.get(1).at("/body/transactionId").stringValue()).isEqualTo(original);
    assertThat(results.get(1).at("/body/status").stringValue()).isEqualTo("COMPLETED");
    assertThat(ana.balance(wallet)).as("only the original deposit moved money").isEqualTo(40);
  }

  @Test
  void aMerchantChargesManyWalletsInOneBatch() {
    LedgerClient merchant = api.asMerchant("shop");
    String shop = merchant.openAccount("EUR");
    List<String> items = new ArrayList<>();
    List<LedgerClient> customers = new ArrayList<>();
    List<String> wallets = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      LedgerClient customer = api.as("payer-" + i);
      String wallet = customer.openAccount("EUR");
      customer.move("DEPOSIT", wallet, 100, "EUR");
      customers.add(customer);
      wallets.add(wallet);
      items.add(item("order-" + i, "\"type\":\"CHARGE\",\"fromAccountId\":\"" + wallet
          + "\",\"amount\":60,\"currency\":\"EUR\",\"description\":\"order " + i + "\""));
    }

    JsonNode results = merchant.http.post("/api/v1/transactions/batch", batch(items.toArray(String[]::new)),
        Map.of()).json().get("results");

    assertThat(statuses(results)).containsExactly(202, 202, 202);
    results.forEach(result -> merchant.finalOutcome(result.at("/body/transactionId").stringValue()));
    assertThat(merchant.balance(shop)).isEqualTo(180);
    for (int i = 0; i < 3; i++) {
      assertThat(customers.get(i).balance(wallets.get(i))).isEqualTo(40);
    }
    Http.Response byACustomer = customers.get(0).http.post("/api/v1/transactions/batch",
        batch(items.get(0)), Map.of());
    assertThat(byACustomer.json().at("/results/0/status").intValue()).as("a customer may not CHARGE").isEqualTo(403);
    String metrics = new Http(pipeline.gatewayUrl(), Map.of()).get("/actuator/prometheus").body();
    assertThat(metrics).as("batches and their sizes are measured")
        .containsPattern("(?m)^ledger_gateway_batch_transactions_count(\\{[^}]*})? [1-9]")
        .containsPattern("(?m)^ledger_gateway_batch_transactions_max(\\{[^}]*})? [1-9]");
  }

  @Test
  void aMalformedBatchIsRefusedWholeAndPublishesNothing() {
    LedgerClient ana = api.as("ana-malformed");
    String wallet = ana.openAccount("EUR");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add(item("k-" + i, deposit(wallet, 1)));
    }

    for (String body : List.of("{\"transactions\":[]}", "[]", "{\"transactions\":{}}",
        "{\"transactions\":[" + "{" + deposit(wallet, 5) + ",\"idempotencyKey\":\"x\"}" + "],\"extra\":1}",
        batch(tooMany.toArray(String[]::new)))) {
      Http.Response refused = ana.http.post("/api/v1/transactions/batch", body, Map.of());
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().at("/errors/0/field").stringValue()).isIn("transactions", "extra");
    }
    assertThat(batch(tooMany.toArray(String[]::new)).length()).as("over the 16 KiB of a single request, yet "
        + "read: a batch may be up to 512 KiB").isGreaterThan(16_384);
    Http.Response tooLarge = ana.http.post("/api/v1/transactions/batch",
        "{\"transactions\":[],\"padding\":\"" + "x".repeat(600_000) + "\"}", Map.of());
    assertThat(tooLarge.status()).isEqualTo(413);
    Http.Response anonymous = new Http(pipeline.gatewayUrl(), Map.of()).post("/api/v1/transactions/batch",
        batch(item("a", deposit(wallet, 5))), Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    ana.move("DEPOSIT", wallet, 3, "EUR"); // in the account's order after anything the refused batches published
    assertThat(ana.history(wallet, "").get("items")).as("opened, then only the later deposit").hasSize(2);
    assertThat(ana.balance(wallet)).isEqualTo(3);
  }

  /** A deposit sent on its own under an Idempotency-Key, once the ledger has decided it: its transaction id. */
  private static String decidedDeposit(LedgerClient client, String accountId, long amount, String key) {
    Http.Response single = client.http.post("/api/v1/transactions", "{" + deposit(accountId, amount) + "}",
        Map.of("Idempotency-Key", key));
    assertThat(single.status()).as(single.body()).isEqualTo(202);
    String transactionId = single.json().get("transactionId").stringValue();
    client.finalOutcome(transactionId);
    return transactionId;
  }

  private static List<Integer> statuses(JsonNode results) {
    List<Integer> statuses = new ArrayList<>();
    results.forEach(result -> statuses.add(result.get("status").intValue()));
    return statuses;
  }

  private static String batch(String... items) {
    return "{\"transactions\":[" + String.join(",", items) + "]}";
  }

  private static String item(String key, String movement) {
    return "{\"idempotencyKey\":\"" + key + "\"," + movement + "}";
  }

  private static String deposit(String accountId, long amount) {
    return "\"type\":\"DEPOSIT\",\"accountId\":\"" + accountId + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"";
  }

  private static String transfer(String from, String to, long amount) {
    return "\"type\":\"TRANSFER\",\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to + "\",\"amount\":"
        + amount + ",\"currency\":\"EUR\",\"description\":\"batch " + UUID.randomUUID() + "\"";
  }
}
