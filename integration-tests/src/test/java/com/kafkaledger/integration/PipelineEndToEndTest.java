package com.kafkaledger.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** REST -> Kafka -> ledger -> PostgreSQL view and back, on a real broker and a real database. */
class PipelineEndToEndTest {

  private static Pipeline pipeline;
  private static LedgerClient client;

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("end_to_end");
    client = new LedgerClient(pipeline.gatewayUrl());
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void openedAccountIsServedWithZeroBalanceInItsCurrency() {
    Http.Response opened = client.http.post("/api/v1/accounts", "{\"currency\":\"EUR\"}", Map.of());

    assertThat(opened.status()).isEqualTo(201);
    String accountId = opened.json().get("accountId").stringValue();
    assertThat(opened.header("Location")).isEqualTo("/api/v1/accounts/" + accountId);
    JsonNode account = client.account(accountId);
    assertThat(account.get("currency").stringValue()).isEqualTo("EUR");
    assertThat(account.get("balance").longValue()).isZero();
    assertThat(account.get("availableBalance").longValue()).isZero();
    assertThat(account.get("status").stringValue()).isEqualTo("OPEN");
  }

  @Test
  void depositIsPendingRightAfterAcceptanceThenCompletedAndInTheBalance() {
    String account = client.openAccount("EUR");

    Http.Response accepted = client.submit("DEPOSIT", account, 1250, "EUR", Map.of());

    assertThat(accepted.status()).isEqualTo(202);
    String transactionId = accepted.json().get("transactionId").stringValue();
    assertThat(accepted.json().get("status").stringValue()).isEqualTo("PENDING");
    assertThat(accepted.header("Location")).isEqualTo("/api/v1/transactions/" + transactionId);
    Http.Response rightAfter = client.http.get(accepted.header("Location"));
    assertThat(rightAfter.status()).isEqualTo(200);
    assertThat(rightAfter.json().get("status").stringValue()).isIn("PENDING", "COMPLETED");

    JsonNode outcome = client.finalOutcome(transactionId);

    assertThat(outcome.get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(outcome.get("type").stringValue()).isEqualTo("DEPOSIT");
    assertThat(outcome.get("amount").longValue()).isEqualTo(1250);
    // Read-your-outcome: once COMPLETED is seen, balance and history already include it.
    assertThat(client.balance(account)).isEqualTo(1250);
    assertThat(client.history(account, "").get("items").get(0).get("transactionId").stringValue())
        .isEqualTo(transactionId);
  }

  @Test
  void overdrawingWithdrawalIsRejectedRecordedInHistoryAndMovesNothing() {
    String account = client.openAccount("EUR");
    client.move("DEPOSIT", account, 100, "EUR");

    JsonNode rejected = client.move("WITHDRAWAL", account, 101, "EUR");

    assertThat(rejected.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(rejected.get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(client.balance(account)).isEqualTo(100);
    JsonNode newest = client.history(account, "").get("items").get(0);
    assertThat(newest.get("transactionId").stringValue()).isEqualTo(rejected.get("transactionId").stringValue());
    assertThat(newest.get("status").stringValue()).isEqualTo("REJECTED");
    assertThat(newest.get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS");
  }

  @Test
  void withdrawalWithinTheBalanceCompletes() {
    String account = client.openAccount("EUR");
    client.move("DEPOSIT", account, 500, "EUR");

    JsonNode withdrawn = client.move("WITHDRAWAL", account, 200, "EUR");

    assertThat(withdrawn.get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(client.balance(account)).isEqualTo(300);
  }

  @Test
  void movementsOnUnknownAccountsAre404AndInAnotherCurrencyRejected() {
    String account = client.openAccount("EUR");
    String unknown = UUID.randomUUID().toString();

    assertThat(client.submit("DEPOSIT", unknown, 5, "EUR", Map.of()).status()).isEqualTo(404);
    assertThat(client.move("DEPOSIT", account, 5, "USD").get("reason").stringValue())
        .isEqualTo("CURRENCY_MISMATCH");
    assertThat(client.balance(account)).isZero();
  }

  @Test
  void retryWithTheSameKeyAndBodyIsTheSameTransactionAndMovesMoneyOnce() {
    String account = client.openAccount("EUR");
    Map<String, String> key = Map.of("Idempotency-Key", "retry-" + account);

    Http.Response first = client.submit("DEPOSIT", account, 700, "EUR", key);
    String transactionId = first.json().get("transactionId").stringValue();
    client.finalOutcome(transactionId);
    Http.Response retry = client.submit("DEPOSIT", account, 700, "EUR", key);
    Http.Response retryAgain = client.submit("DEPOSIT", account, 700, "EUR", key);

    assertThat(retry.status()).isIn(200, 202);
    assertThat(retry.json().get("transactionId").stringValue()).isEqualTo(transactionId);
    assertThat(retryAgain.json().get("transactionId").stringValue()).isEqualTo(transactionId);
    assertThat(client.balance(account)).isEqualTo(700);
    assertThat(client.history(account, "").get("items")).hasSize(2); // opened, deposited once
  }

  @Test
  void immediateRetryBeforeTheOutcomeIsStillOneMovement() {
    String account = client.openAccount("EUR");
    Map<String, String> key = Map.of("Idempotency-Key", "fast-retry-" + account);

    Http.Response first = client.submit("DEPOSIT", account, 40, "EUR", key);
    Http.Response second = client.submit("DEPOSIT", account, 40, "EUR", key);

    assertThat(second.json().get("transactionId").stringValue())
        .isEqualTo(first.json().get("transactionId").stringValue());
    client.finalOutcome(first.json().get("transactionId").stringValue());
    client.move("DEPOSIT", account, 1, "EUR"); // a later movement: anything before it is projected
    assertThat(client.balance(account)).isEqualTo(41);
  }

  @Test
  void sameKeyWithADifferentBodyIs422AndMovesNothing() {
    String account = client.openAccount("EUR");
    Map<String, String> key = Map.of("Idempotency-Key", "reuse-" + account);
    client.finalOutcome(client.submit("DEPOSIT", account, 10, "EUR", key).json().get("transactionId").stringValue());

    Http.Response reused = client.submit("DEPOSIT", account, 11, "EUR", key);

    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(client.balance(account)).isEqualTo(10);
  }

  @Test
  void sameKeyWithDifferentBodiesAtTheSameMomentIsAcceptedOnceAndMovesMoneyOnce() throws Exception {
    String one = client.openAccount("EUR");
    String other = client.openAccount("EUR");
    List<String> accepted = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + round + "-" + one);
        CountDownLatch go = new CountDownLatch(1);
        Future<Http.Response> toOne = senders.submit(() -> {
          go.await();
          return client.submit("DEPOSIT", one, 1, "EUR", key);
        });
        Future<Http.Response> toOther = senders.submit(() -> {
          go.await();
          return client.submit("DEPOSIT", other, 1, "EUR", key);
        });
        go.countDown();
        List<Http.Response> answers = List.of(toOne.get(), toOther.get());

        assertThat(answers).as("round %d", round).extracting(Http.Response::status)
            .containsExactlyInAnyOrder(202, 422);
        answers.stream().filter(answer -> answer.status() == 202)
            .forEach(answer -> accepted.add(answer.json().get("transactionId").stringValue()));
      }
    } finally {
      senders.shutdown();
    }
    accepted.forEach(client::finalOutcome);

    assertThat(client.balance(one) + client.balance(other)).isEqualTo(20);
  }

  @Test
  void anotherGatewayInstanceShowsTransactionsItDidNotAcceptAndRefusesAKeysReuseBeforeItsViewHoldsThem() {
    // the other instance reads a view that learns of everything up to a second late
    String otherGateway = pipeline.startAnotherGateway(pipeline.startLaggingView("lagging_view"));
    LedgerClient elsewhere = client.at(otherGateway);
    LedgerClient strangerElsewhere = client.as("stranger").at(otherGateway);
    String one = client.openAccount("EUR");
    String other = client.openAccount("EUR");
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(elsewhere.http.get("/api/v1/accounts/" + one).status()).isEqualTo(200);
      assertThat(elsewhere.http.get("/api/v1/accounts/" + other).status()).isEqualTo(200);
    });
    List<String> accepted = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      Map<String, String> key = Map.of("Idempotency-Key", "two-gateways-" + round + "-" + one);

      Http.Response first = client.submit("DEPOSIT", one, 1, "EUR", key);
      Http.Response statusElsewhere = elsewhere.http.get(first.header("Location"));
      Http.Response otherBody = elsewhere.submit("DEPOSIT", other, 1, "EUR", key);
      Http.Response sameBody = elsewhere.submit("DEPOSIT", one, 1, "EUR", key);

      assertThat(first.status()).isEqualTo(202);
      assertThat(statusElsewhere.status()).as("round %d: %s", round, statusElsewhere.body()).isIn(200, 202);
      assertThat(statusElsewhere.json().get("transactionId").stringValue())
          .isEqualTo(first.json().get("transactionId").stringValue());
      assertThat(otherBody.status()).as("round %d: %s", round, otherBody.body()).isEqualTo(422);
      assertThat(otherBody.json().get("type").stringValue()).isEqualTo("/problems/idempotency-key-reused");
      assertThat(sameBody.status()).as("round %d: %s", round, sameBody.body()).isIn(200, 202);
      String transactionId = first.json().get("transactionId").stringValue();
      assertThat(sameBody.json().get("transactionId").stringValue()).isEqualTo(transactionId);
      accepted.add(transactionId);

      Http.Response withoutKey = client.submit("DEPOSIT", one, 1, "EUR", Map.of());
      Http.Response withoutKeyElsewhere = elsewhere.http.get(withoutKey.header("Location"));
      Http.Response withoutKeyToAStranger = strangerElsewhere.http.get(withoutKey.header("Location"));

      assertThat(withoutKey.status()).isEqualTo(202);
      assertThat(withoutKeyElsewhere.status()).as("round %d: %s", round, withoutKeyElsewhere.body()).isIn(200, 202);
      // at once, whether the view shows it yet or not: the answer does not tell that it exists
      assertThat(withoutKeyToAStranger.status()).isEqualTo(404);
      assertThat(withoutKeyElsewhere.json().get("transactionId").stringValue())
          .isEqualTo(withoutKey.json().get("transactionId").stringValue());
      accepted.add(withoutKey.json().get("transactionId").stringValue());
    }
    accepted.forEach(client::finalOutcome);
    client.move("DEPOSIT", one, 1, "EUR"); // a later movement: anything before it is projected

    assertThat(client.balance(one)).isEqualTo(11);
    assertThat(client.balance(other)).isZero();
  }

  @Test
  void preferWaitAnswers200WithTheFinalOutcome() {
    String account = client.openAccount("EUR");

    Http.Response waited = client.submit("DEPOSIT", account, 99, "EUR", Map.of("Prefer", "wait=10"));

    assertThat(waited.status()).isEqualTo(200);
    assertThat(waited.json().get("status").stringValue()).isEqualTo("COMPLETED");
    assertThat(client.balance(account)).isEqualTo(99);
  }

  @Test
  void aKeyedTransactionClaimedButNotInTheViewMakesOnlyItsSubmittersReadWait() throws Exception {
    // a key's id (name-based) that some instance claimed for this client and has not published
    String id = UUID.nameUUIDFromBytes(("claimed, not published " + UUID.randomUUID()).getBytes(UTF_8)).toString();
    pipeline.claimWithoutPublishing(id, client.userId);

    Http.Response toTheSubmitter = client.http.get("/api/v1/transactions/" + id);
    Http.Response toAStranger = client.as("stranger").http.get("/api/v1/transactions/" + id);

    // the submitter is told to come back: the view may show it in a moment
    assertThat(toTheSubmitter.status()).as(toTheSubmitter.body()).isEqualTo(503);
    assertThat(toTheSubmitter.header("Retry-After")).isNotBlank();
    // anyone else at once, as for an id that does not exist: the answer does not tell that it does
    assertThat(toAStranger.status()).as(toAStranger.body()).isEqualTo(404);
  }

  @Test
  void statusOfAnUnknownTransactionIs404Problem() {
    Http.Response unknown = client.http.get("/api/v1/transactions/" + UUID.randomUUID());
    // a time-ordered id of now, made up: its tag is not one the gateway made for this caller
    String now = String.format("%012x", System.currentTimeMillis());
    Http.Response madeUp = client.http.get("/api/v1/transactions/" + now.substring(0, 8) + "-" + now.substring(8)
        + "-7000-8000-000000000000");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(madeUp.status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "\"100\"", "0", "-1", "1000000000000001", "1e2"})
  void invalidAmountsAre400NamingTheFieldAndNothingIsPublished(String amount) {
    String account = client.openAccount("EUR");
    String body = "{\"type\":\"DEPOSIT\",\"accountId\":\"" + account + "\",\"amount\":" + amount
        + ",\"currency\":\"EUR\"}";

    Http.Response refused = client.http.post("/api/v1/transactions", body, Map.of());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo("amount");
    assertThat(TopicReader.commandsFor(pipeline.kafka, account)).hasSize(1); // only the opening
  }

  @Test
  void historyIsNewestFirstAndCursorPaginated() {
    String account = client.openAccount("EUR");
    for (int amount = 1; amount <= 5; amount++) {
      client.move("DEPOSIT", account, amount, "EUR");
    }

    List<Long> sequences = new ArrayList<>();
    String query = "?limit=2";
    while (true) {
      JsonNode page = client.history(account, query);
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      page.get("items").forEach(item -> sequences.add(item.get("sequence").longValue()));
      JsonNode next = page.get("nextCursor");
      if (next == null || next.isNull()) {
        break;
      }
      query = "?limit=2&cursor=" + next.stringValue();
    }

    assertThat(sequences).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
  }

  @Test
  void eventsOnTheTopicAreSchemaValidGapFreeAndFoldToTheServedBalance() {
    String account = client.openAccount("EUR");
    client.move("DEPOSIT", account, 300, "EUR");
    client.move("WITHDRAWAL", account, 1_000, "EUR");
    client.move("WITHDRAWAL", account, 120, "EUR");

    List<TopicReader.RawEvent> events = TopicReader.committedEventsFor(pipeline.kafka, account);

    assertThat(events).extracting(TopicReader.RawEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(events).allSatisfy(event -> assertThat(event.schemaViolations()).isEmpty());
    long folded = events.stream().mapToLong(event -> event.event().balanceDelta()).sum();
    assertThat(folded).isEqualTo(180).isEqualTo(client.balance(account));
  }

  /** What an operator watches: every service ready and alive, the documented metrics moving. */
  @Test
  void servicesAreReadyAndTheirDocumentedMetricsMoveWithTraffic() {
    String account = client.openAccount("EUR");
    Map<String, String> key = Map.of("Idempotency-Key", "metrics-" + account);
    Http.Response accepted = client.submit("DEPOSIT", account, 700, "EUR", key);
    client.submit("DEPOSIT", account, 700, "EUR", key); // answered from the first, published once
    client.finalOutcome(accepted.json().get("transactionId").stringValue());

    for (String service : List.of(pipeline.gatewayUrl(), pipeline.processorUrl(), pipeline.viewUrl())) {
      Http http = new Http(service, Map.of());
      assertThat(http.get("/actuator/health/readiness").status()).as(service + " readiness").isEqualTo(200);
      assertThat(http.get("/actuator/health/liveness").status()).as(service + " liveness").isEqualTo(200);
    }
    String gateway = scrape(pipeline.gatewayUrl());
    assertThat(metric(gateway, "ledger_gateway_commands_accepted_total", "type=\"DEPOSIT\"")).isPositive();
    assertThat(metric(gateway, "ledger_gateway_idempotent_replays_total", "")).isPositive();
    assertThat(metric(gateway, "ledger_gateway_idempotency_claims_seconds_count", "")).isPositive();
    assertThat(metric(gateway, "cache_gets_total", "cache=\"ledger.gateway.account.owners\"")).isPositive();
    assertThat(metric(gateway, "cache_size", "cache=\"ledger.gateway.account.owners\"")).isPositive();
    String ledger = scrape(pipeline.processorUrl());
    assertThat(metric(ledger, "ledger_commands_processed_total", "")).isPositive();
    assertThat(metric(ledger, "ledger_outcomes_total", "type=\"DEPOSITED\"")).isPositive();
    assertThat(metric(ledger, "ledger_accounts_held", "")).as("accounts the processor holds")
        .isGreaterThanOrEqualTo(1);
    String view = scrape(pipeline.viewUrl());
    assertThat(metric(view, "balance_view_outcome_latency_seconds_count", "transactionType=\"DEPOSIT\""))
        .isPositive();
    assertThat(metric(view, "balance_view_outcome_latency_seconds_bucket", "transactionType=\"DEPOSIT\""))
        .isPositive();
    assertThat(view).contains("balance_view_lag_events ", "balance_view_lag_seconds ");
  }

  private static String scrape(String serviceUrl) {
    Http.Response scrape = new Http(serviceUrl, Map.of()).get("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    return scrape.body();
  }

  /** The sum of the samples of one metric whose labels contain the given text. */
  private static double metric(String scrape, String name, String labels) {
    return scrape.lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> line.contains(labels))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
