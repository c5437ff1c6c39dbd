package com.kafkaledger.localcluster.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Spring Boot service on the loopback address whether it is ready for traffic. */
final class HttpHealthProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private HttpHealthProbe() {}

  /** The readiness group when the service exposes it, otherwise the overall health. */
  static boolean isReady(int port) {
    int readiness = status(port, "/actuator/health/readiness");
    return readiness == 200 || (readiness == 404 && status(port, "/actuator/health") == 200);
  }

  private static int status(int port, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(TIMEOUT)
        .GET()
        .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException notListeningYet) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
