package com.kafkaledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-up, tokens, logout, sign-in rate limits and the refusals that need no ledger, on a real
 * PostgreSQL. Kafka and the view are deliberately unreachable here.
 */
class AuthenticationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = "correct-horse-42";
  private static PostgresCoordinates database;
  private static ConfigurableApplicationContext gateway;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startGateway() {
    database = TestInfrastructure.newDatabase("gateway_auth");
    gateway = GatewayWithoutBackends.startOn(database,
        "--ledger.gateway.operator.email=ops@example.com",
        "--ledger.gateway.operator.password=operator-pass-1234",
        "--ledger.gateway.sign-in-attempts-per-email-per-minute=3");
    base = GatewayWithoutBackends.baseUrl(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void signUpThenSignInGivesABearerTokenThatOpensTheApi() throws Exception {
    String email = email();
    HttpResponse<String> signedUp = post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);

    HttpResponse<String> token = post("/api/v1/auth/token", credentials(email, PASSWORD), null);

    assertThat(signedUp.statusCode()).isEqualTo(201);
    assertThat(json(signedUp).get("role").stringValue()).isEqualTo("CUSTOMER");
    assertThat(signedUp.body()).doesNotContain(PASSWORD);
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(json(token).get("tokenType").stringValue()).isEqualTo("Bearer");
    assertThat(json(token).get("expiresIn").longValue()).isEqualTo(3600);
    // The view is unreachable: an authenticated read gets as far as asking it.
    assertThat(get("/api/v1/accounts", json(token).get("accessToken").stringValue()).statusCode()).isEqualTo(503);
  }

  @Test
  void aDuplicateEmailIs409() throws Exception {
    String email = email();
    post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);

    HttpResponse<String> again = post("/api/v1/auth/signup", signUp(email.toUpperCase(), PASSWORD, "MERCHANT"), null);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void weakPasswordsBadEmailsAndOperatorSignUpsAre400NamingTheField() throws Exception {
    assertThat(fieldOf(post("/api/v1/auth/signup", signUp(email(), "short1", "CUSTOMER"), null))).isEqualTo("password");
    assertThat(fieldOf(post("/api/v1/auth/signup", signUp(email(), "onlyletterslong", "CUSTOMER"), null)))
        .isEqualTo("password");
    assertThat(fieldOf(post("/api/v1/auth/signup", signUp("not-an-email", PASSWORD, "CUSTOMER"), null)))
        .isEqualTo("email");
    assertThat(fieldOf(post("/api/v1/auth/signup", signUp(email(), PASSWORD, "OPERATOR"), null))).isEqualTo("role");
  }

  @Test
  void wrongPasswordAndUnknownEmailAreBoth401() throws Exception {
    String email = email();
    post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);

    assertThat(post("/api/v1/auth/token", credentials(email, "wrong-password-99"), null).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/auth/token", credentials(email(), PASSWORD), null).statusCode()).isEqualTo(401);
  }

  @Test
  void signInAttemptsPerEmailAreLimitedWith429AndRetryAfter() throws Exception {
    String email = email();
    for (int attempt = 0; attempt < 3; attempt++) {
      post("/api/v1/auth/token", credentials(email, "wrong-password-99"), null);
    }

    HttpResponse<String> limited = post("/api/v1/auth/token", credentials(email, "wrong-password-99"), null);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
  }

  @Test
  void aLoggedOutTokenIsRefused() throws Exception {
    String email = email();
    post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);
    String token = json(post("/api/v1/auth/token", credentials(email, PASSWORD), null)).get("accessToken").stringValue();

    HttpResponse<String> loggedOut = post("/api/v1/auth/logout", "", token);

    assertThat(loggedOut.statusCode()).isEqualTo(204);
    assertThat(get("/api/v1/accounts", token).statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/auth/logout", "", token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenLoggedOutOnAnotherInstanceIsRefusedThereWithinSeconds() throws Exception {
    String email = email();
    post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);
    String token = json(post("/api/v1/auth/token", credentials(email, PASSWORD), null)).get("accessToken").stringValue();
    try (ConfigurableApplicationContext other = GatewayWithoutBackends.startOn(database,
        "--ledger.gateway.revoked-tokens-refresh=200ms")) {
      String otherBase = GatewayWithoutBackends.baseUrl(other);
      // Accepted there (the view is unreachable, so an authenticated read ends in 503, not 401).
      assertThat(get(otherBase, "/api/v1/accounts", token).statusCode()).isEqualTo(503);

      assertThat(post("/api/v1/auth/logout", "", token).statusCode()).isEqualTo(204);

      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      int status = get(otherBase, "/api/v1/accounts", token).statusCode();
      while (status != 401 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        status = get(otherBase, "/api/v1/accounts", token).statusCode();
      }
      assertThat(status).isEqualTo(401);
    }
  }

  @Test
  void anInstanceStartedAfterALogoutRefusesTheToken() throws Exception {
    String email = email();
    post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);
    String token = json(post("/api/v1/auth/token", credentials(email, PASSWORD), null)).get("accessToken").stringValue();
    assertThat(post("/api/v1/auth/logout", "", token).statusCode()).isEqualTo(204);

    try (ConfigurableApplicationContext restarted = GatewayWithoutBackends.startOn(database)) {
      assertThat(get(GatewayWithoutBackends.baseUrl(restarted), "/api/v1/accounts", token).statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void withoutOrWithAForgedTokenEverythingButSignInIs401() throws Exception {
    assertThat(get("/api/v1/accounts", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/accounts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6Ik9QRVJBVE9SIn0.c2lnbmF0dXJl")
        .statusCode()).isEqualTo(401);
    assertThat(post("/api/v1/transactions", "{}", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/admin/reconciliation", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theConfiguredOperatorCanSignInButCustomersCannotReconcile() throws Exception {
    String operator = json(post("/api/v1/auth/token", credentials("ops@example.com", "operator-pass-1234"), null))
        .get("accessToken").stringValue();
    String email = email();
    post("/api/v1/auth/signup", signUp(email, PASSWORD, "CUSTOMER"), null);
    String customer = json(post("/api/v1/auth/token", credentials(email, PASSWORD), null)).get("accessToken").stringValue();

    assertThat(get("/api/v1/admin/reconciliation", customer).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/admin/reconciliation", operator).statusCode()).isEqualTo(503); // view unreachable
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    String huge = "{\"email\":\"" + "x".repeat(20_000) + "@example.com\",\"password\":\"p\"}";

    assertThat(post("/api/v1/auth/signup", huge, null).statusCode()).isEqualTo(413);
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return get(base, path, token);
  }

  private HttpResponse<String> get(String gatewayUrl, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private static String fieldOf(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return json(response).get("errors").get(0).get("field").stringValue();
  }

  private static String email() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  private static String signUp(String email, String password, String role) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"role\":\"" + role
        + "\",\"displayName\":\"Ana\"}";
  }

  private static String credentials(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }
}
