package com.kafkaledger.systemtests;

import com.kafkaledger.events.LedgerJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * One signed-in user of the public API, behaving as a careful client: a request that timed out,
 * could not connect or got a 5xx is sent again with the same {@code Idempotency-Key}, until it gets
 * an answer that decides it. An expired or unknown token (a long run, a restarted gateway) is
 * replaced by signing in again.
 */
final class ApiClient {

  static final String PASSWORD = "bank-test-pass-1234";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RETRY_LIMIT = Duration.ofMinutes(5);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Attempts that got no deciding answer and were sent again, over all clients. */
  static final AtomicLong RETRIES = new AtomicLong();

  private final String baseUrl;
  private final String email;
  private final String password;
  final String userId;
  private volatile String token;

  private ApiClient(String baseUrl, String email, String password, String userId) {
    this.baseUrl = baseUrl;
    this.email = email;
    this.password = password;
    this.userId = userId;
  }

  record Reply(int status, JsonNode body) {

    boolean accepted() {
      return status == 202 || status == 201 || status == 200;
    }

    String text(String field) {
      JsonNode value = body == null ? null : body.get(field);
      return value == null || value.isNull() ? null : value.asString();
    }
  }

  static ApiClient signUp(String baseUrl, String name, String role) {
    String email = name + "-" + UUID.randomUUID() + "@bank-test.local";
    String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role
        + "\",\"displayName\":\"" + name + "\"}";
    Reply signedUp = new ApiClient(baseUrl, null, null, null).untilDecided("POST", "/api/v1/auth/signup", body, null);
    if (signedUp.status() != 201) {
      throw new IllegalStateException("sign-up of " + name + " answered " + signedUp);
    }
    ApiClient client = new ApiClient(baseUrl, email, PASSWORD, signedUp.text("userId"));
    client.signIn();
    return client;
  }

  static ApiClient operator(String baseUrl, String email, String password) {
    ApiClient client = new ApiClient(baseUrl, email, password, null);
    client.signIn();
    return client;
  }

  private void signIn() {
    String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    Reply signedIn = untilDecided("POST", "/api/v1/auth/token", body, null);
    if (signedIn.status() != 200) {
      throw new IllegalStateException("sign-in of " + email + " answered " + signedIn);
    }
    token = signedIn.text("accessToken");
  }

  Reply get(String path) {
    return untilDecided("GET", path, null, null);
  }

  /** Sends until decided, always with the same idempotency key. */
  Reply untilDecided(String method, String path, String body, String idempotencyKey) {
    Instant giveUp = Instant.now().plus(RETRY_LIMIT);
    long backoffMillis = 100;
    while (true) {
      Reply reply = once(method, path, body, idempotencyKey);
      if (reply.status() == 401 && token != null) {
        signIn();
      } else if (!needsRetry(reply.status())) {
        return reply;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(method + " " + path + " still undecided after " + RETRY_LIMIT.toMinutes()
            + " min, last answer " + reply);
      }
      RETRIES.incrementAndGet();
      sleep(backoffMillis);
      backoffMillis = Math.min(backoffMillis * 2, 2_000);
    }
  }

  /** No answer, a server-side failure or too many requests: nothing was decided, so ask again. */
  private static boolean needsRetry(int status) {
    return status < 0 || status >= 500 || status == 429;
  }

  private Reply once(String method, String path, String body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      JsonNode json = text == null || text.isBlank() || !text.trim().startsWith("{")
          ? null : LedgerJson.MAPPER.readTree(text);
      return new Reply(response.statusCode(), json);
    } catch (IOException noAnswer) {
      return new Reply(-1, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
