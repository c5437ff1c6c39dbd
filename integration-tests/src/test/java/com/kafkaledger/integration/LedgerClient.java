package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a client of the public API does, in a few verbs. */
final class LedgerClient {

  static final String PASSWORD = "integration-pass-1234";

  final Http http;
  final String userId;
  private final String gatewayUrl;
  private final SignedIn user;

  /** A newly signed-up customer. */
  LedgerClient(String gatewayUrl) {
    this(gatewayUrl, signUp(gatewayUrl, "customer", "CUSTOMER"));
  }

  private LedgerClient(String gatewayUrl, SignedIn user) {
    this.gatewayUrl = gatewayUrl;
    this.user = user;
    this.userId = user.userId;
    this.http = new Http(gatewayUrl, Map.of("Authorization", "Bearer " + user.token));
  }

  /** The same user, signed in, through another gateway (a restarted one). */
  LedgerClient at(String otherGatewayUrl) {
    return new LedgerClient(otherGatewayUrl, user);
  }

  /** Another newly signed-up customer. */
  LedgerClient as(String name) {
    return new LedgerClient(gatewayUrl, signUp(gatewayUrl, name, "CUSTOMER"));
  }

  LedgerClient asMerchant(String name) {
    return new LedgerClient(gatewayUrl, signUp(gatewayUrl, name, "MERCHANT"));
  }

  /** Someone signed in elsewhere, by their token. */
  static LedgerClient withToken(String gatewayUrl, String token) {
    return new LedgerClient(gatewayUrl, new SignedIn(null, token));
  }

  LedgerClient asOperator() {
    return new LedgerClient(gatewayUrl, new SignedIn(null, token(gatewayUrl, Pipeline.OPERATOR_EMAIL,
        Pipeline.OPERATOR_PASSWORD)));
  }

  private record SignedIn(String userId, String token) {}

  private static SignedIn signUp(String gatewayUrl, String name, String role) {
    Http anonymous = new Http(gatewayUrl, Map.of());
    String email = name + "-" + java.util.UUID.randomUUID() + "@example.com";
    Http.Response signedUp = anonymous.post("/api/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\""
        + PASSWORD + "\",\"role\":\"" + role + "\",\"displayName\":\"" + name + "\"}", Map.of());
    assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
    return new SignedIn(signedUp.json().get("userId").stringValue(), token(gatewayUrl, email, PASSWORD));
  }

  private static String token(String gatewayUrl, String email, String password) {
    Http.Response token = new Http(gatewayUrl, Map.of()).post("/api/v1/auth/token",
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", Map.of());
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    return token.json().get("accessToken").stringValue();
  }

  String openAccount(String currency) {
    return open("{\"currency\":\"" + currency + "\"}");
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

  Http.Response submitTransfer(String from, String to, long amount, String currency, String description) {
    String body = "{\"type\":\"TRANSFER\",\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to
        + "\",\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"description\":\"" + description + "\"}";
    return http.post("/api/v1/transactions", body, Map.of());
  }

  /** A CHARGE of the customer's wallet, by this merchant, to its own account. */
  Http.Response submitCharge(String wallet, long amount, String currency, String description) {
    String body = "{\"type\":\"CHARGE\",\"fromAccountId\":\"" + wallet + "\",\"amount\":" + amount
        + ",\"currency\":\"" + currency + "\",\"description\":\"" + description + "\"}";
    return http.post("/api/v1/transactions", body, Map.of());
  }

  JsonNode transfer(String from, String to, long amount, String currency, String description) {
    return outcomeOf(submitTransfer(from, to, amount, currency, description));
  }

  JsonNode charge(String wallet, long amount, String currency, String description) {
    return outcomeOf(submitCharge(wallet, amount, currency, description));
  }

  private JsonNode outcomeOf(Http.Response accepted) {
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
