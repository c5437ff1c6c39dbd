package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a client of the public API does, in a few verbs. */
final class LedgerClient {

  final Http http;
  private final String gatewayUrl;

  LedgerClient(String gatewayUrl) {
    this(gatewayUrl, "anonymous");
  }

  private LedgerClient(String gatewayUrl, String caller) {
    this.gatewayUrl = gatewayUrl;
    this.http = new Http(gatewayUrl, Map.of("X-Ledger-Caller", caller));
  }

  /** The same API, called by someone else. */
  LedgerClient as(String caller) {
    return new LedgerClient(gatewayUrl, caller);
  }

  String openAccount(String currency) {
    return open("{\"currency\":\"" + currency + "\"}");
  }

  String openMerchantAccount(String currency) {
    return open("{\"currency\":\"" + currency + "\",\"kind\":\"MERCHANT\"}");
  }

  private String open(String body) {
    Http.Response opened = http.post("/api/v1/accounts", body, Map.of());
    assertThat(opened.status()).as(opened.body()).isIn(201, 202);
    String accountId = opened.json().get("accountId").stringValue();
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/accounts/" + accountId).status() == 200);
    return accountId;
  }

  Http.Response submit(String type, String accountId, long amount, String currency, Map<String, String> headers) {
    String body = "{\"type\":\"" + type + "\",\"accountId\":\"" + accountId + "\",\"amount\":" + amount
        + ",\"currency\":\"" + currency + "\"}";
    return http.post("/api/v1/transactions", body, headers);
  }

  /** Submits and waits for the outcome; returns the final transaction. */
  JsonNode move(String type, String accountId, long amount, String currency) {
    Http.Response accepted = submit(type, accountId, amount, currency, Map.of());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    return finalOutcome(accepted.json().get("transactionId").stringValue());
  }

  /** A TRANSFER or CHARGE; returns the answer to the submission. */
  Http.Response submitTransfer(String type, String from, String to, long amount, String currency,
      String description) {
    String body = "{\"type\":\"" + type + "\",\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to
        + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"description\":\"" + description + "\"}";
    return http.post("/api/v1/transactions", body, Map.of());
  }

  JsonNode transfer(String type, String from, String to, long amount, String currency, String description) {
    Http.Response accepted = submitTransfer(type, from, to, amount, currency, description);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    return finalOutcome(accepted.json().get("transactionId").stringValue());
  }

  JsonNode finalOutcome(String transactionId) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> http.get("/api/v1/transactions/" + transactionId).json(),
        transaction -> !"PENDING".equals(transaction.get("status").stringValue()));
  }

  JsonNode account(String accountId) {
    Http.Response account = http.get("/api/v1/accounts/" + accountId);
    assertThat(account.status()).as(account.body()).isEqualTo(200);
    return account.json();
  }

  long balance(String accountId) {
    return account(accountId).get("balance").longValue();
  }

  JsonNode history(String accountId, String query) {
    Http.Response history = http.get("/api/v1/accounts/" + accountId + "/transactions" + query);
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    return history.json();
  }
}
