package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and malformed requests through real HTTP on the running pipeline: each is a 4xx problem
 * document naming the field at fault, no money moves and nothing reaches the command topic.
 */
class HostileInputTest {

  private static Pipeline pipeline;
  private static LedgerClient owner;
  private static String account;

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("hostile_input");
    owner = new LedgerClient(pipeline.gatewayUrl());
    account = owner.openAccount("EUR");
    owner.move("DEPOSIT", account, 500, "EUR");
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      float amount               | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":12.5,"currency":"EUR"}                | amount
      numeric string amount      | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":"100","currency":"EUR"}               | amount
      negative amount            | {"type":"WITHDRAWAL","accountId":"ACCOUNT","amount":-5,"currency":"EUR"}               | amount
      zero amount                | {"type":"WITHDRAWAL","accountId":"ACCOUNT","amount":0,"currency":"EUR"}                | amount
      amount above 10^15         | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":1000000000000001,"currency":"EUR"}    | amount
      overflowing amount         | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":92233720368547758070,"currency":"EUR"} | amount
      unknown currency           | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":5,"currency":"ZZZ"}                   | currency
      lower-case currency        | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":5,"currency":"eur"}                   | currency
      unknown type               | {"type":"GIFT","accountId":"ACCOUNT","amount":5,"currency":"EUR"}                      | type
      missing amount             | {"type":"DEPOSIT","accountId":"ACCOUNT","currency":"EUR"}                              | amount
      extra field                | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":5,"currency":"EUR","admin":true}      | admin
      id that is not an id       | {"type":"DEPOSIT","accountId":"1 OR 1=1; DROP TABLE accounts","amount":5,"currency":"EUR"} | accountId
      script in a description    | {"type":"DEPOSIT","accountId":"ACCOUNT","amount":5,"currency":"EUR","description":LONG} | description
      transfer to itself         | {"type":"TRANSFER","fromAccountId":"ACCOUNT","toAccountId":"ACCOUNT","amount":5,"currency":"EUR"} | toAccountId
      malformed JSON             | {"type":"DEPOSIT",                                                                     | body
      not an object              | [1,2,3]                                                                                | body
      """)
  void isRefusedNamingTheFieldAndNothingMovesOrIsPublished(String what, String body, String field) {
    String request = body.replace("ACCOUNT", account)
        .replace("LONG", "\"<script>alert(1)</script>" + "x".repeat(600) + "\"");

    Http.Response refused = owner.http.post("/api/v1/transactions", request, Map.of());

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo(field);
    assertNothingMoved();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      wrong content type         | text/plain        | 415
      form content type          | application/x-www-form-urlencoded | 415
      """)
  void wrongContentTypeIs415(String what, String contentType, int status) {
    Http.Response refused = owner.http.post("/api/v1/transactions", "{\"type\":\"DEPOSIT\",\"accountId\":\""
        + account + "\",\"amount\":5,\"currency\":\"EUR\"}", Map.of("Content-Type", contentType));

    assertThat(refused.status()).isEqualTo(status);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertNothingMoved();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      oversized body             | 20000 | 413
      idempotency key too long   | 0     | 400
      """)
  void oversizedBodiesAndKeysAreRefused(String what, int padding, int status) {
    String description = padding > 0 ? ",\"description\":\"" + "x".repeat(padding) + "\"" : "";
    Map<String, String> headers = padding > 0 ? Map.of() : Map.of("Idempotency-Key", "k".repeat(256));
    Http.Response refused = owner.http.post("/api/v1/transactions", "{\"type\":\"DEPOSIT\",\"accountId\":\""
        + account + "\",\"amount\":5,\"currency\":\"EUR\"" + description + "}", headers);

    assertThat(refused.status()).isEqualTo(status);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertNothingMoved();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      braces in the cursor          | cursor=%7Bx%7D                  | cursor
      an ampersand in the status    | status=COMPLETED%26limit%3D1000 | status
      """)
  void historyParametersArePassedOnAsTheyCameAndRefusedNamingTheParameter(String what, String query, String field) {
    Http.Response refused = owner.http.get("/api/v1/accounts/" + account + "/transactions?" + query);

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").get(0).get("field").stringValue()).isEqualTo(field);
  }

  @Test
  void aHistoryBoundWithAnOffsetReachesTheViewIntact() {
    JsonNode everything = owner.history(account, "").get("items");

    // %2B is a '+', which a query string would otherwise read as a space
    assertThat(everything).isNotEmpty();
    assertThat(owner.history(account, "?from=2000-01-01T00:00:00%2B01:00").get("items")).isEqualTo(everything);
    assertThat(owner.history(account, "?to=2000-01-01T00:00:00%2B01:00").get("items")).isEmpty();
  }

  private static void assertNothingMoved() {
    assertThat(owner.balance(account)).isEqualTo(500);
    assertThat(TopicReader.commandsFor(pipeline.kafka, account)).as("opening and deposit only").hasSize(2);
  }
}
