package com.kafkaledger.bench.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: requests leave at a fixed rate whatever the answers, as independent users send
 * them, so a slow system meets a queue instead of a politely waiting client. Latency is measured
 * from the time a request was due to leave (no coordinated omission) to the moment its outcome was
 * committed in the view's database.
 */
final class OpenLoop {

  /** One request of a workload: whose token, what body. */
  record Request(String token, String body) {}

  @FunctionalInterface
  interface Workload {
    Request next(ThreadLocalRandom random);
  }

  /**
   * What one rate step did.
   *
   * @param notSent requests the generator could not send because too many were already waiting
   * @param drain from the end of sending until the last outcome was visible
   */
  record Step(double rate, long offered, long accepted, long refused, long notSent, long visible, Histogram latency,
      Histogram answered, Duration drain) {

    // The peak is the highest rate with no growing backlog: all accepted, all visible soon after the last
    // request, and the slowest percent not queueing for seconds.
    boolean sustained() {
      return accepted >= offered * 0.99 && visible == accepted && drain.toMillis() <= 1_000
          && latency.getValueAtPercentile(99) <= 1_000_000;
    }

    String line(String workload) {
      return String.format("pipeline %-14s %6.0f/s offered: %6d accepted, %d refused, %d not sent, %d visible;"
              + " visible ms p50 %.1f p99 %.1f p99.9 %.1f max %.1f (202 ms p50 %.1f p99 %.1f); drain %d ms -> %s",
          workload, rate, accepted, refused, notSent, visible, millis(latency, 50), millis(latency, 99),
          millis(latency, 99.9), latency.getMaxValue() / 1000.0, millis(answered, 50), millis(answered, 99),
          drain.toMillis(), sustained() ? "sustained" : "NOT sustained");
    }

    static double millis(Histogram histogram, double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private static final int MAX_IN_FLIGHT = 5_000;
  private static final Duration VISIBILITY_LIMIT = Duration.ofSeconds(60);

  private final RestClient rest;
  private final VisibleTimes visibleTimes;

  OpenLoop(RestClient rest, VisibleTimes visibleTimes) {
    this.rest = rest;
    this.visibleTimes = visibleTimes;
  }

  Step run(Workload workload, double rate, Duration duration) throws Exception {
    long total = Math.round(rate * duration.toSeconds());
    long intervalNanos = Math.round(1e9 / rate);
    Map<String, Long> dueMicros = new ConcurrentHashMap<>();
    AtomicLong refused = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    Histogram answered = new Histogram(3_600_000_000L, 3);
    long notSent = 0;
    List<CompletableFuture<?>> answers = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long startEpochMicros = epochMicros(Instant.now());
    long startNanos = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long dueNanos = startNanos + i * intervalNanos;
      long wait = dueNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        notSent++;
        continue;
      }
      long due = startEpochMicros + (dueNanos - startNanos) / 1_000;
      Request request = workload.next(random);
      inFlight.incrementAndGet();
      answers.add(rest.post("/api/v1/transactions", request.token(), request.body()).thenAccept(answer -> {
        inFlight.decrementAndGet();
        synchronized (answered) {
          answered.recordValue(Math.max(0, epochMicros(Instant.now()) - due));
        }
        String id = answer.status() == 202 ? answer.transactionId() : null;
        if (id != null) {
          dueMicros.put(id, due);
        } else {
          refused.incrementAndGet();
        }
      }));
    }
    long sendingEndedMicros = epochMicros(Instant.now());
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();

    Map<String, Long> visible = visibleTimes.await(dueMicros.keySet(), VISIBILITY_LIMIT);
    Histogram latency = new Histogram(3_600_000_000L, 3);
    long lastVisible = sendingEndedMicros;
    for (var entry : visible.entrySet()) {
      latency.recordValue(Math.max(0, entry.getValue() - dueMicros.get(entry.getKey())));
      lastVisible = Math.max(lastVisible, entry.getValue());
    }
    return new Step(rate, total, dueMicros.size(), refused.get(), notSent, visible.size(), latency, answered,
        Duration.ofNanos((lastVisible - sendingEndedMicros) * 1_000));
  }

  static long epochMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }
}
