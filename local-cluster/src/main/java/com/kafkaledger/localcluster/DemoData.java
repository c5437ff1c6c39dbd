package com.kafkaledger.localcluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample data of {@code ./run-local --demo}: two customers, a merchant, their accounts and a
 * few movements, one of them rejected, loaded through the public API like any client would.
 *
 * <p>Loading again changes nothing: sign-ups that exist are signed in, an account is opened only
 * if its owner has none in that currency, and every movement has its own Idempotency-Key, so the
 * gateway answers a repeat with the first outcome.
 */
public final class DemoData {

  public static final String PASSWORD = "demo-password-2026";
  static final String DEMO_FLAG = "--demo";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Who the demo signs up, and the currencies of their accounts. */
  public enum Person {
    ANA("ana@demo.local", "Ana Lima", "CUSTOMER", List.of("EUR", "USD")),
    BRUNO("bruno@demo.local", "Bruno Costa", "CUSTOMER", List.of("EUR")),
    COFFEE("corner-coffee@demo.local", "Corner Coffee", "MERCHANT", List.of("EUR"));

    public final String email;
    final String displayName;
    final String role;
    final List<String> currencies;

    Person(String email, String displayName, String role, List<String> currencies) {
      this.email = email;
      this.displayName = displayName;
      this.role = role;
      this.currencies = currencies;
    }
  }

  /** A person's bearer token and account ids by currency, once loaded. */
  public record Loaded(Map<Person, String> tokens, Map<Person, Map<String, String>> accounts) {}

  private final String gatewayUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public DemoData(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  /** Signs everyone up (or in), opens the accounts and makes the movements; waits for each outcome. */
  public Loaded load() throws IOException, InterruptedException {
    Map<Person, String> tokens = new LinkedHashMap<>();
    Map<Person, Map<String, String>> accounts = new LinkedHashMap<>();
    for (Person person : Person.values()) {
      String token = signUpOrIn(person);
      tokens.put(person, token);
      accounts.put(person, openMissingAccounts(token, person.currencies));
    }
    String anaEur = accounts.get(Person.ANA).get("EUR");
    String anaUsd = accounts.get(Person.ANA).get("USD");
    String brunoEur = accounts.get(Person.BRUNO).get("EUR");
    String ana = tokens.get(Person.ANA);
    String bruno = tokens.get(Person.BRUNO);
    String coffee = tokens.get(Person.COFFEE);

    move(ana, "demo-1", movement("DEPOSIT", "accountId", anaEur, 20_000, "EUR", "salary"), "COMPLETED");
    move(ana, "demo-2", movement("DEPOSIT", "accountId", anaUsd, 10_000, "USD", "travel money"), "COMPLETED");
    move(bruno, "demo-3", movement("DEPOSIT", "accountId", brunoEur, 5_000, "EUR", "top-up"), "COMPLETED");
    move(ana, "demo-4", transfer(anaEur, brunoEur, 2_500, "dinner, my half"), "COMPLETED");
    move(coffee, "demo-5", movement("CHARGE", "fromAccountId", anaEur, 450, "EUR", "flat white and croissant"),
        "COMPLETED");
    move(coffee, "demo-6", movement("CHARGE", "fromAccountId", brunoEur, 320, "EUR", "espresso"), "COMPLETED");
    move(bruno, "demo-7", movement("WITHDRAWAL", "accountId", brunoEur, 1_000, "EUR", "cash"), "COMPLETED");
    // More than Bruno has: accepted, then rejected by the ledger, and kept in his history.
    move(bruno, "demo-8", movement("WITHDRAWAL", "accountId", brunoEur, 100_000, "EUR", "new bike"), "REJECTED");
    return new Loaded(tokens, accounts);
  }

  /** What to print after loading: the logins, the accounts and commands to look around with. */
  static String describe(Loaded loaded, int gatewayPort, LocalClusterSettings.OperatorLogin operator) {
    String base = "localhost:" + gatewayPort;
    StringBuilder text = new StringBuilder(System.lineSeparator())
        .append("Sample data is loaded (through the API; --demo again changes nothing).")
        .append(System.lineSeparator());
    for (Person person : Person.values()) {
      text.append(String.format("  %-8s %-25s password %s, accounts %s%n", person.role.toLowerCase(),
          person.email, PASSWORD, loaded.accounts().get(person)));
    }
    text.append(String.format("  %-8s %s%n", "operator", Banner.operatorLogin(operator)))
        .append(System.lineSeparator())
        .append("Look around (a token lasts an hour):").append(System.lineSeparator());
    String anaEur = loaded.accounts().get(Person.ANA).get("EUR");
    String brunoEur = loaded.accounts().get(Person.BRUNO).get("EUR");
    command(text, "ANA=$(" + tokenCommand(base, Person.ANA.email, PASSWORD) + ")");
    command(text, "curl -s -H \"Authorization: Bearer $ANA\" " + base + "/api/v1/accounts");
    command(text, "curl -s -H \"Authorization: Bearer $ANA\" " + base + "/api/v1/accounts/" + anaEur + "/transactions");
    command(text, "BRUNO=$(" + tokenCommand(base, Person.BRUNO.email, PASSWORD) + ")");
    command(text, "curl -s -H \"Authorization: Bearer $BRUNO\" " + base + "/api/v1/accounts/" + brunoEur
        + "/transactions   # the rejected withdrawal is there");
    command(text, "OPERATOR=$(" + Banner.tokenRequest(gatewayPort, operator) + " | " + ACCESS_TOKEN + ")");
    command(text, "curl -s -H \"Authorization: Bearer $OPERATOR\" " + base + "/api/v1/admin/reconciliation");
    return text.toString();
  }

  private static final String ACCESS_TOKEN = "sed 's/.*\"accessToken\":\"\\([^\"]*\\)\".*/\\1/'";

  private static String tokenCommand(String base, String email, String password) {
    return "curl -s -X POST " + base + "/api/v1/auth/token -H 'Content-Type: application/json' -d '{\"email\":\""
        + email + "\",\"password\":\"" + password + "\"}' | " + ACCESS_TOKEN;
  }

  private static void command(StringBuilder text, String command) {
    text.append("  ").append(command).append(System.lineSeparator());
  }

  private String signUpOrIn(Person person) throws IOException, InterruptedException {
    Map<String, Object> signUp = Map.of("email", person.email, "password", PASSWORD, "role", person.role,
        "displayName", person.displayName);
    HttpResponse<String> created = send(post("/api/v1/auth/signup", signUp, null).build());
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw unexpected("signing up " + person.email, created);
    }
    HttpResponse<String> token = send(post("/api/v1/auth/token",
        Map.of("email", person.email, "password", PASSWORD), null).build());
    if (token.statusCode() != 200) {
      throw unexpected("signing in " + person.email + " (was it signed up with another password?)", token);
    }
    return json(token).get("accessToken").asString();
  }

  private Map<String, String> openMissingAccounts(String token, List<String> currencies)
      throws IOException, InterruptedException {
    Map<String, String> byCurrency = new LinkedHashMap<>();
    for (String currency : currencies) {
      String existing = openAccountIn(token, currency);
      if (existing == null) {
        HttpResponse<String> opened = send(post("/api/v1/accounts", Map.of("currency", currency), token).build());
        if (opened.statusCode() != 201 && opened.statusCode() != 202) {
          throw unexpected("opening a " + currency + " account", opened);
        }
        existing = awaitOpenAccount(token, currency);
      }
      byCurrency.put(currency, existing);
    }
    return byCurrency;
  }

  private String awaitOpenAccount(String token, String currency) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String account = openAccountIn(token, currency);
      if (account != null) {
        return account;
      }
      Thread.sleep(200);
    }
    throw new IOException("the " + currency + " account was not opened within " + TIMEOUT.toSeconds() + " s");
  }

  private String openAccountIn(String token, String currency) throws IOException, InterruptedException {
    HttpResponse<String> listed = send(get("/api/v1/accounts", token));
    if (listed.statusCode() != 200) {
      throw unexpected("listing accounts", listed);
    }
    for (JsonNode account : json(listed).get("accounts")) {
      if (currency.equals(account.get("currency").asString()) && "OPEN".equals(account.get("status").asString())) {
        return account.get("accountId").asString();
      }
    }
    return null;
  }

  private static Map<String, Object> movement(String type, String accountField, String accountId, long amount,
      String currency, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put(accountField, accountId);
    body.put("amount", amount);
    body.put("currency", currency);
    body.put("description", description);
    return body;
  }

  private static Map<String, Object> transfer(String from, String to, long amount, String description) {
    Map<String, Object> body = movement("TRANSFER", "fromAccountId", from, amount, "EUR", description);
    body.put("toAccountId", to);
    return body;
  }

  /** Submits, waits for the outcome and checks it is the one the demo means to show. */
  private void move(String token, String idempotencyKey, Map<String, Object> body, String expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> submitted = send(post("/api/v1/transactions", body, token)
        .header("Idempotency-Key", idempotencyKey).header("Prefer", "wait=10").build());
    if (submitted.statusCode() != 200 && submitted.statusCode() != 202) {
      throw unexpected(body.get("type") + " " + idempotencyKey, submitted);
    }
    String transactionId = json(submitted).get("transactionId").asString();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    JsonNode transaction = json(submitted);
    while ("PENDING".equals(transaction.get("status").asString()) && System.nanoTime() < deadline) {
      HttpRequest poll = authorized(request("/api/v1/transactions/" + transactionId), token)
          .header("Prefer", "wait=5").GET().build();
      transaction = json(send(poll));
    }
    String status = transaction.get("status").asString();
    if (!expectedStatus.equals(status)) {
      throw new IOException(body.get("type") + " " + idempotencyKey + " ended " + status + " (reason "
          + transaction.path("reason").asString() + "), expected " + expectedStatus);
    }
  }

  private HttpRequest.Builder post(String path, Map<String, Object> body, String token) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return token == null ? request : authorized(request, token);
  }

  private HttpRequest get(String path, String token) {
    return authorized(request(path), token).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(TIMEOUT);
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
    return request.header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static IOException unexpected(String what, HttpResponse<String> response) {
    return new IOException(what + ": HTTP " + response.statusCode() + " " + response.body());
  }
}
