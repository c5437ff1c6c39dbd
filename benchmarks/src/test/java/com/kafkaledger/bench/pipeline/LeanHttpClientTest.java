package com.kafkaledger.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP client against the JDK's own HTTP server, on loopback. */
class LeanHttpClientTest {

  private HttpServer server;
  private ExecutorService serverThreads;
  private LeanHttpClient client;
  private final Set<String> connectionsSeen = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Echoes what it got, with a fixed length, in chunks, or then closing the connection.
    server.createContext("/fixed", exchange -> answer(exchange, 202, false));
    server.createContext("/chunked", exchange -> answer(exchange, 200, true));
    server.createContext("/close", exchange -> {
      exchange.getResponseHeaders().set("Connection", "close");
      answer(exchange, 409, false);
    });
    serverThreads = Executors.newFixedThreadPool(4);
    server.setExecutor(serverThreads);
    server.start();
    client = new LeanHttpClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Test
  void readsTheStatusAndBodyOfFixedLengthAndChunkedAnswers() {
    LeanHttpClient.Response fixed = client.post("/fixed", "a-token", "key-1", "{\"amount\":5,\"note\":\"café\"}").join();
    LeanHttpClient.Response chunked = client.post("/chunked", null, null, "{\"x\":1}").join();

    assertThat(fixed.status()).isEqualTo(202);
    assertThat(fixed.body()).isEqualTo("POST /fixed Bearer a-token key-1 application/json {\"amount\":5,\"note\":\"café\"}");
    assertThat(chunked.status()).isEqualTo(200);
    assertThat(chunked.body()).isEqualTo("POST /chunked none none application/json {\"x\":1}");
  }

  @Test
  void manyRequestsInTurnAndAtOnceEachGetTheirOwnAnswer() {
    List<CompletableFuture<LeanHttpClient.Response>> answers = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      String path = i % 3 == 0 ? "/chunked" : i % 50 == 0 ? "/close" : "/fixed";
      answers.add(client.post(path, "t" + i, null, "{\"n\":" + i + "}"));
    }

    for (int i = 0; i < answers.size(); i++) {
      LeanHttpClient.Response answer = answers.get(i).join();
      assertThat(answer.body()).endsWith("Bearer t" + i + " none application/json {\"n\":" + i + "}");
    }
    // Kept alive: far fewer connections than requests (those told to close are opened anew).
    assertThat(connectionsSeen.size()).isLessThan(LeanHttpClient.CONNECTIONS + 2_000 / 50 + 1);
  }

  @Test
  void noServerFailsTheRequestInsteadOfHangingIt() {
    LeanHttpClient nowhere = new LeanHttpClient("http://127.0.0.1:1", Duration.ofSeconds(5)); // nothing listens on 1

    assertThat(nowhere.post("/fixed", null, null, "{}")).failsWithin(Duration.ofSeconds(10));
  }

  private void answer(HttpExchange exchange, int status, boolean chunked) throws IOException {
    connectionsSeen.add(String.valueOf(exchange.getRemoteAddress()));
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
        + (authorization == null ? "none" : authorization) + " " + (key == null ? "none" : key) + " "
        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (chunked) {
        // several chunks
        int half = body.length / 2;
        out.write(body, 0, half);
        out.flush();
        out.write(body, half, body.length - half);
      } else {
        out.write(body);
      }
    }
  }
}
