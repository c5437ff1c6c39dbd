package com.kafkaledger.bench.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's REST API as the load generator uses it: asynchronous sends over {@link LeanHttpClient},
 * answers read by pattern (a batch answer's envelope is parsed, as its items' problem documents have a
 * "status" of their own).
 */
final class RestClient {

  private static final Pattern TRANSACTION_ID = Pattern.compile("\"transactionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LeanHttpClient http;

  RestClient(String baseUrl) {
    this.http = new LeanHttpClient(baseUrl, TIMEOUT);
  }

  record Answer(int status, String body) {

    /** The id in a 202's (or a 200's) body, or null. */
    String transactionId() {
      Matcher matcher = TRANSACTION_ID.matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }

    String field(String name) {
      Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
      return matcher.find() ? matcher.group(1) : null;
    }

    /**
     * The answers in a {@code POST /api/v1/transactions/batch} 200 of {@code items} items: each item's
     * status and body, as if it had been posted alone, placed by its {@code index}. An item the body
     * has no result for gets status -1.
     */
    List<Answer> itemAnswers(int items) {
      Answer[] answers = new Answer[items];
      try {
        for (JsonNode result : JSON.readTree(body).path("results")) {
          int index = result.path("index").asInt(-1);
          if (index >= 0 && index < items) {
            answers[index] = new Answer(result.path("status").asInt(-1), result.path("body").toString());
          }
        }
      } catch (JacksonException e) {
        // the items not read yet are left without a result
      }
      Answer missing = new Answer(-1, "no result for the item in the batch answer " + body);
      List<Answer> list = new ArrayList<>(items);
      for (Answer answer : answers) {
        list.add(answer != null ? answer : missing);
      }
      return list;
    }
  }

  CompletableFuture<Answer> post(String path, String token, String body) {
    return post(path, token, null, body);
  }

  /** With an Idempotency-Key, unless it is null. */
  CompletableFuture<Answer> post(String path, String token, String idempotencyKey, String body) {
    return http.post(path, token, idempotencyKey, body)
        .thenApply(response -> new Answer(response.status(), response.body()))
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
