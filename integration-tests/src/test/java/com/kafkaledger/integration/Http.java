package com.kafkaledger.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the gateway, as any API user would have. */
final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient client = HttpClient.newHttpClient();
  private final String baseUrl;
  private final Map<String, String> defaultHeaders;

  Http(String baseUrl, Map<String, String> defaultHeaders) {
    this.baseUrl = baseUrl;
    this.defaultHeaders = defaultHeaders;
  }

  Response post(String path, String body, Map<String, String> headers) {
    Map<String, String> json = new java.util.HashMap<>(headers);
    json.putIfAbsent("Content-Type", "application/json");
    return send(path, "POST", body, json);
  }

  Response get(String path) {
    return get(path, Map.of());
  }

  Response get(String path, Map<String, String> headers) {
    return send(path, "GET", null, headers);
  }

  Response put(String path, String body) {
    return send(path, "PUT", body, Map.of("Content-Type", "application/json"));
  }

  Response delete(String path, Map<String, String> headers) {
    return send(path, "DELETE", null, headers);
  }

  private Response send(String path, String method, String body, Map<String, String> headers) {
    // no request waits for good: a test fails instead of hanging
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    defaultHeaders.forEach(request::header);
    headers.forEach(request::header);
    return send(request.build());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String body, HttpResponse<String> raw) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }
}
