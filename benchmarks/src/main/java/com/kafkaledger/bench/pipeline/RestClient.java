package com.kafkaledger.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's REST API as the load generator uses it: asynchronous sends, answers read by pattern. */
final class RestClient {

  private static final Pattern TRANSACTION_ID = Pattern.compile("\"transactionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder()
      .executor(Executors.newFixedThreadPool(4))
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String baseUrl;

  RestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  record Answer(int status, String body) {

    /** The id in a 202's body, or null. */
    String transactionId() {
      Matcher matcher = TRANSACTION_ID.matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }

    String field(String name) {
      Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  CompletableFuture<Answer> post(String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> new Answer(response.statusCode(), response.body()))
        .exceptionally(failure -> new Answer(-1, String.valueOf(failure)));
  }

  Answer postAndWait(String path, String token, String body) throws IOException {
    Answer answer = post(path, token, body).join();
    if (answer.status() < 0) {
      throw new IOException("POST " + path + " failed: " + answer.body());
    }
    return answer;
  }
}
