package com.kafkaledger.bench.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: requests leave at a fixed rate whatever the answers, as independent users send
 * them, so a slow system meets a queue instead of a politely waiting client. Latency is measured
 * from the time a request was due to leave (no coordinated omission) to the moment its outcome was
 * committed in the view's database.
 *
 * <p>A request carries {@code batch} transactions: one is a {@code POST /api/v1/transactions}, more
 * are one {@code POST /api/v1/transactions/batch}. Rates and counts are always of transactions, and
 * each transaction's latency starts at its request's due time.
 */
final class OpenLoop {

  static final String SINGLE_PATH = "/api/v1/transactions";
  static final String BATCH_PATH = "/api/v1/transactions/batch";

  /** One request of a workload: whose token, the bodies of its transactions (as POST /transactions takes them). */
  record Request(String token, List<String> transactions) {}

  @FunctionalInterface
  interface Workload {
    /** The next request, with {@code transactions} movements its token may make. */
    Request next(ThreadLocalRandom random, int transactions);
  }

  /**
   * What one rate step did; every count is of transactions.
   *
   * @param rate transactions per second
   * @param batch transactions per request (1: single requests)
   * @param notSent transactions the generator could not send because too many requests were already waiting
   * @param answered from the due time to the HTTP answer, once per transaction
   * @param decided from the due time to the ledger's decision of the transaction's last leg
   * @param committed from the due time to that leg's event readable with read_committed (the ledger's commit)
   * @param drain from the end of sending until the last outcome was visible
   * @param firstRefusal the first refused transaction's answer, or null
   */
  record Step(double rate, int batch, long offered, long accepted, long refused, long notSent, long visible,
      Histogram latency, Histogram answered, Histogram decided, Histogram committed, Duration drain,
      RestClient.Answer firstRefusal) {

    // The peak is the highest rate with no growing backlog: all accepted, all visible soon after the last
    // request, and the slowest percent not queueing for seconds.
    boolean sustained() {
      return accepted >= offered * 0.99 && visible == accepted && drain.toMillis() <= 1_000
          && latency.getValueAtPercentile(99) <= 1_000_000;
    }

    String line(String workload) {
      return String.format("pipeline %-14s %-9s %6.0f/s offered: %6d accepted, %d refused, %d not sent, %d visible;"
              + " visible ms p50 %.1f p99 %.1f p99.9 %.1f max %.1f (answer ms p50 %.1f p99 %.1f;"
              + " decided ms p50 %.1f p99 %.1f; committed ms p50 %.1f p99 %.1f); drain %d ms -> %s%s",
          workload, mode(batch), rate, accepted, refused, notSent, visible, millis(latency, 50), millis(latency, 99),
          millis(latency, 99.9), latency.getMaxValue() / 1000.0, millis(answered, 50), millis(answered, 99),
          millis(decided, 50), millis(decided, 99), millis(committed, 50), millis(committed, 99), drain.toMillis(), sustained() ? "sustained" : "NOT sustained", refusal());
    }

    // What the first refused transaction got, shortened, so that a step refusing everything says why.
    private String refusal() {
      if (firstRefusal == null) {
        return "";
      }
      String body = firstRefusal.body().replaceAll("\\s+", " ");
      return "; first refusal " + firstRefusal.status() + " " + (body.length() <= 200 ? body : body.substring(0, 200)
          + "...");
    }

    static double millis(Histogram histogram, double percentile) {
      return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  /** How a step line and a summary line name the mode: {@code single} or {@code batch N}. */
  static String mode(int batch) {
    return batch == 1 ? "single" : "batch " + batch;
  }

  private static final int MAX_IN_FLIGHT = 5_000;
  private static final Duration VISIBILITY_LIMIT = Duration.ofSeconds(60);

  private final RestClient rest;
  private final VisibleTimes visibleTimes;
  private final CommittedTimes committedTimes;
  private final int batch;
  /** Whether a single request carries an Idempotency-Key (a batch's items always have theirs). */
  private final boolean keyedSingles;
  /**
   * Numbers the idempotency keys (of a batch's items, and of single requests when keyed); with the
   * mode in their prefix they are unique over the run (whose callers are all new), whatever modes it
   * runs.
   */
  private final AtomicLong keys = new AtomicLong();

  OpenLoop(RestClient rest, VisibleTimes visibleTimes, CommittedTimes committedTimes, int batch,
      boolean keyedSingles) {
    if (batch < 1 || batch > PipelineBenchmark.MAX_BATCH) {
      throw new IllegalArgumentException("a batch has 1 to " + PipelineBenchmark.MAX_BATCH + " transactions, not "
          + batch);
    }
    this.rest = rest;
    this.visibleTimes = visibleTimes;
    this.committedTimes = committedTimes;
    this.batch = batch;
    this.keyedSingles = keyedSingles;
  }

  /** Sends {@code rate} transactions per second (in requests of {@code batch}) for {@code duration}. */
  Step run(Workload workload, double rate, Duration duration) throws Exception {
    committedTimes.forget(); // the previous step's transactions are all visible, so all arrived
    long requests = Math.max(1, Math.round(rate * duration.toSeconds() / batch));
    long intervalNanos = Math.round(1e9 * batch / rate);
    Map<String, Long> dueMicros = new ConcurrentHashMap<>();
    AtomicLong refused = new AtomicLong();
    AtomicReference<RestClient.Answer> firstRefusal = new AtomicReference<>();
    AtomicInteger inFlight = new AtomicInteger();
    Histogram answered = new Histogram(3_600_000_000L, 3);
    long notSent = 0;
    List<CompletableFuture<?>> answers = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long startEpochMicros = epochMicros(Instant.now());
    long startNanos = System.nanoTime();
    for (long i = 0; i < requests; i++) {
      long dueNanos = startNanos + i * intervalNanos;
      long wait = dueNanos - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        notSent += batch;
        continue;
      }
      long due = startEpochMicros + (dueNanos - startNanos) / 1_000;
      Request request = workload.next(random, batch);
      inFlight.incrementAndGet();
      answers.add(send(request).thenAccept(outcomes -> {
        inFlight.decrementAndGet();
        synchronized (answered) {
          answered.recordValueWithCount(Math.max(0, epochMicros(Instant.now()) - due), outcomes.size());
        }
        for (RestClient.Answer outcome : outcomes) {
          String id = outcome.status() == 202 || outcome.status() == 200 ? outcome.transactionId() : null;
          if (id != null) {
            dueMicros.put(id, due);
          } else {
            refused.incrementAndGet();
            firstRefusal.compareAndSet(null, outcome);
          }
        }
      }));
    }
    long sendingEndedMicros = epochMicros(Instant.now());
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();

    Map<String, VisibleTimes.Outcome> visible = visibleTimes.await(dueMicros.keySet(), VISIBILITY_LIMIT);
    Histogram latency = new Histogram(3_600_000_000L, 3);
    Histogram decided = new Histogram(3_600_000_000L, 3);
    Histogram committed = new Histogram(3_600_000_000L, 3);
    long lastVisible = sendingEndedMicros;
    for (var entry : visible.entrySet()) {
      long due = dueMicros.get(entry.getKey());
      VisibleTimes.Outcome outcome = entry.getValue();
      latency.recordValue(Math.max(0, outcome.visibleMicros() - due));
      decided.recordValue(Math.max(0, outcome.decidedMicros() - due));
      Long arrived = committedTimes.arrivedMicros(entry.getKey());
      if (arrived != null) {
        committed.recordValue(Math.max(0, arrived - due));
      }
      lastVisible = Math.max(lastVisible, outcome.visibleMicros());
    }
    return new Step(rate, batch, requests * batch, dueMicros.size(), refused.get(), notSent, visible.size(), latency,
        answered, decided, committed, Duration.ofNanos((lastVisible - sendingEndedMicros) * 1_000), firstRefusal.get());
  }

  /** The answer each of the request's transactions got, in order, as if it had been posted alone. */
  private CompletableFuture<List<RestClient.Answer>> send(Request request) {
    List<String> transactions = request.transactions();
    if (batch == 1) {
      String key = keyedSingles ? "s-" + keys.getAndIncrement() : null;
      return rest.post(SINGLE_PATH, request.token(), key, transactions.get(0)).thenApply(List::of);
    }
    return postBatch(rest, request.token(), transactions,
        keys("b" + batch + "-", keys.getAndAdd(transactions.size()), transactions.size()));
  }

  /**
   * Posts the transactions as one batch, each with the idempotency key of the same index; the
   * answer each got, in order, as if it had been posted alone (a refused batch is its answer for
   * every item).
   */
  static CompletableFuture<List<RestClient.Answer>> postBatch(RestClient rest, String token, List<String> transactions,
      List<String> keys) {
    String body = batchBody(transactions, keys);
    return rest.post(BATCH_PATH, token, body).thenApply(answer -> answer.status() == 200
        ? answer.itemAnswers(transactions.size())
        : Collections.nCopies(transactions.size(), answer));
  }

  /** {@code <keyPrefix><firstKey>}, {@code <keyPrefix><firstKey + 1>}, ...: {@code count} keys. */
  static List<String> keys(String keyPrefix, long firstKey, int count) {
    return LongStream.range(firstKey, firstKey + count).mapToObj(key -> keyPrefix + key).toList();
  }

  /** The batch endpoint's body: each transaction with the idempotency key of the same index. */
  static String batchBody(List<String> transactions, List<String> keys) {
    if (keys.size() != transactions.size()) {
      throw new IllegalArgumentException(keys.size() + " keys for " + transactions.size() + " transactions");
    }
    StringBuilder body = new StringBuilder("{\"transactions\":[");
    for (int i = 0; i < transactions.size(); i++) {
      String transaction = transactions.get(i);
      if (!transaction.startsWith("{") || transaction.length() < 3) {
        throw new IllegalArgumentException("not a non-empty JSON object: " + transaction);
      }
      body.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"").append(keys.get(i)).append("\",")
          .append(transaction, 1, transaction.length());
    }
    return body.append("]}").toString();
  }

  static long epochMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
  }
}
