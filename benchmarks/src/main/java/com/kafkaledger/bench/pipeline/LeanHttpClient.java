package com.kafkaledger.bench.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's HTTP/1.1 client: a fixed set of threads, each with one keep-alive connection
 * to the gateway, writing a request and reading its answer. It shares the two cores with the
 * pipeline it measures, and the JDK's HttpClient cost it about 250 µs of CPU per request, as much
 * as the gateway spent answering. A request that finds every connection busy waits in the queue;
 * its latency runs from its due time, so that wait is counted.
 */
final class LeanHttpClient {

  /** As many as the gateway's request threads (Tomcat's 200): more would wait there instead. */
  static final int CONNECTIONS = 200;
  /** Tomcat closes a connection idle for 20 s: one idle for half that is opened anew before use. */
  private static final long MAX_IDLE_NANOS = Duration.ofSeconds(10).toNanos();

  private final InetSocketAddress address;
  private final String hostHeader;
  private final int timeoutMillis;
  private final ExecutorService workers;
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();

  record Response(int status, String body) {}

  LeanHttpClient(String baseUrl, Duration timeout) {
    URI uri = URI.create(baseUrl);
    if (!"http".equals(uri.getScheme()) || uri.getPort() < 0) {
      throw new IllegalArgumentException("an http://host:port URL, not " + baseUrl);
    }
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    this.hostHeader = uri.getHost() + ":" + uri.getPort();
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    AtomicInteger threads = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(CONNECTIONS, task -> {
      Thread thread = new Thread(task, "bench-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * POSTs a JSON body, with an Idempotency-Key unless it is null; fails with the IOException if no
   * complete answer came.
   */
  CompletableFuture<Response> post(String path, String token, String idempotencyKey, String body) {
    byte[] request = request(path, token, idempotencyKey, body.getBytes(StandardCharsets.UTF_8));
    return CompletableFuture.supplyAsync(() -> {
      Connection connection = connections.get();
      try {
        if (connection == null || connection.closed || System.nanoTime() - connection.lastUsedNanos > MAX_IDLE_NANOS) {
          if (connection != null) {
            connection.close();
          }
          connection = new Connection(address, timeoutMillis);
          connections.set(connection);
        }
        return connection.exchange(request);
      } catch (IOException | RuntimeException e) {
        // the connection may be anywhere in an answer: the next request gets a new one
        if (connection != null) {
          connection.close();
        }
        throw new CompletionException(e);
      }
    }, workers);
  }

  private byte[] request(String path, String token, String idempotencyKey, byte[] body) {
    StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
        .append(hostHeader).append("\r\nContent-Type: application/json\r\nAccept: application/json\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (idempotencyKey != null) {
      head.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  /** One keep-alive connection, used by one thread at a time. */
  private static final class Connection {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long lastUsedNanos = System.nanoTime();
    private boolean closed;

    Connection(InetSocketAddress address, int timeoutMillis) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    Response exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String statusLine = line();
      // "HTTP/1.1 202 Accepted"
      if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
        throw new IOException("not an HTTP/1.x status line: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      long contentLength = -1;
      boolean chunked = false;
      boolean closeAfter = statusLine.startsWith("HTTP/1.0");
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> contentLength = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> closeAfter = value.equalsIgnoreCase("close");
          default -> { }
        }
      }
      byte[] body;
      if (chunked) {
        body = chunkedBody();
      } else if (contentLength >= 0) {
        body = in.readNBytes(Math.toIntExact(contentLength));
        if (body.length < contentLength) {
          throw new EOFException("the answer ended after " + body.length + " of " + contentLength + " bytes");
        }
      } else {
        body = in.readAllBytes(); // no length: the body ends with the connection
        closeAfter = true;
      }
      lastUsedNanos = System.nanoTime();
      if (closeAfter) {
        close();
      }
      return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] chunkedBody() throws IOException {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = line();
        int extension = sizeLine.indexOf(';');
        int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
        if (size == 0) {
          while (!line().isEmpty()) {
            // trailers, none expected
          }
          return body.toByteArray();
        }
        byte[] chunk = in.readNBytes(size);
        if (chunk.length < size) {
          throw new EOFException("a chunk ended after " + chunk.length + " of " + size + " bytes");
        }
        body.write(chunk);
        line(); // the CRLF after the chunk
      }
    }

    /** One header line without its CRLF (ASCII). */
    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new EOFException("the connection closed mid-answer");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }

    void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
