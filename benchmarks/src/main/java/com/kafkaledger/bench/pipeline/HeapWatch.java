package com.kafkaledger.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The services' heaps while the pipeline is under load, read from each one's
 * {@code /actuator/prometheus} every few seconds: the most heap in use, how full the long-lived
 * pool (G1's old generation) was at most right after a collection of it, and the share of the
 * time collections paused the service. The fill after a collection is an upper bound of what the
 * service keeps: G1 reclaims only the old regions with the most garbage, so some stays counted.
 */
public final class HeapWatch implements AutoCloseable {

  /** The most a service's long-lived pool may hold after a collection for it to be within its heap. */
  public static final double AFTER_COLLECTION_LIMIT = 0.80;
  /** The most of its time collections may pause a service for it to be within its heap. */
  public static final double PAUSED_LIMIT = 0.05;

  /** A service to watch: its name and the base URL its actuator answers at. */
  public record Service(String name, String url) {}

  /**
   * @param mostUsedMegabytes the most heap in use in any sample, collected or not (MiB)
   * @param mostFullAfterCollection the long-lived pool's fill right after a collection of it, at
   *     most (0 to 1); 0 when {@code afterCollectionReadings} is 0
   * @param pausedShare the share of the watched time the collections paused the service
   * @param failedSamples samples that got no usable answer within 2 s (busy, or gone)
   * @param restarts times the service's pause counter went back: it started again
   */
  public record Figures(String service, int heapMegabytes, double mostUsedMegabytes, double mostFullAfterCollection,
      int afterCollectionReadings, double pausedShare, int samples, int failedSamples, int restarts) {

    /** Measured, never restarted, its long-lived pool and its pauses within their limits. */
    public boolean within() {
      return afterCollectionReadings > 0 && restarts == 0 && mostFullAfterCollection <= AFTER_COLLECTION_LIMIT
          && pausedShare <= PAUSED_LIMIT;
    }

    public String line() {
      return String.format("memory   %-16s heap %d MB: at most %.0f MB in use; long-lived pool at most %.0f%% full"
          + " after a collection (%d readings); collections paused it %.2f%% of the time (%d samples, %d unanswered,"
          + " %d restarts)", service, heapMegabytes, mostUsedMegabytes, 100 * mostFullAfterCollection,
          afterCollectionReadings, 100 * pausedShare, samples, failedSamples, restarts);
    }
  }

  private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(SCRAPE_TIMEOUT).build();
  private final List<Watched> watched = new ArrayList<>();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "heap-watch");
    thread.setDaemon(true);
    return thread;
  });

  private HeapWatch(List<Service> services) {
    services.forEach(service -> watched.add(new Watched(service)));
  }

  /** Starts sampling every {@code interval}, until closed. */
  public static HeapWatch start(List<Service> services, Duration interval) {
    HeapWatch watch = new HeapWatch(services);
    watch.sampler.scheduleWithFixedDelay(watch::sampleAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  /** What was seen so far, per service in the order given. */
  public synchronized List<Figures> figures(int heapMegabytes) {
    return watched.stream().map(service -> service.figures(heapMegabytes)).toList();
  }

  /** Stops sampling; a scrape under way ends within its timeout. */
  @Override
  public void close() throws InterruptedException {
    sampler.shutdownNow();
    sampler.awaitTermination(2 * SCRAPE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private void sampleAll() {
    for (Watched service : watched) {
      Sample sample;
      CompletableFuture<HttpResponse<String>> answer = http.sendAsync(HttpRequest.newBuilder(
              URI.create(service.service.url() + "/actuator/prometheus")).timeout(SCRAPE_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      try {
        // the whole answer within the timeout, body included, so that a stalled one cannot hold the sampler
        HttpResponse<String> response = answer.get(SCRAPE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        sample = response.statusCode() == 200 ? Sample.parse(response.body(), System.nanoTime()) : null;
      } catch (InterruptedException e) {
        answer.cancel(true);
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        answer.cancel(true);
        sample = null;
      }
      synchronized (this) {
        if (sample == null) {
          service.failedSamples++;
        } else {
          service.add(sample);
        }
      }
    }
  }

  /**
   * One scrape's figures. The fill after a collection is NaN until the service reports one:
   * Micrometer's gauge reads 0 before the first collection of the long-lived pool.
   */
  record Sample(long nanos, double heapUsedBytes, double fullAfterCollection, double pausedSeconds) {

    static Sample parse(String prometheusText, long nanos) {
      double heapUsed = 0;
      double afterCollection = Double.NaN;
      double paused = 0;
      for (String line : prometheusText.split("\n")) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          heapUsed += value(line);
        } else if (line.startsWith("jvm_memory_usage_after_gc") && line.contains("area=\"heap\"")
            && line.contains("pool=\"long-lived\"")) {
          double fill = value(line);
          afterCollection = fill > 0 ? fill : Double.NaN;
        } else if (line.startsWith("jvm_gc_pause_seconds_sum{")) {
          paused += value(line);
        }
      }
      return new Sample(nanos, heapUsed, afterCollection, paused);
    }

    private static double value(String line) {
      String[] parts = line.substring(line.lastIndexOf('}') + 1).trim().split(" ");
      return Double.parseDouble(parts[0]);
    }
  }

  /** One service's samples so far. */
  static final class Watched {

    final Service service;
    private Sample first;
    private Sample last;
    private double mostUsedBytes;
    private double mostFullAfterCollection;
    private int afterCollectionReadings;
    private double pausedSeconds;
    private int samples;
    int failedSamples;
    private int restarts;

    Watched(Service service) {
      this.service = service;
    }

    void add(Sample sample) {
      if (first == null) {
        first = sample;
      } else if (sample.pausedSeconds() < last.pausedSeconds()) {
        restarts++; // a new process: its pauses count from 0
        pausedSeconds += sample.pausedSeconds();
      } else {
        pausedSeconds += sample.pausedSeconds() - last.pausedSeconds();
      }
      last = sample;
      samples++;
      if (!Double.isNaN(sample.heapUsedBytes())) {
        mostUsedBytes = Math.max(mostUsedBytes, sample.heapUsedBytes());
      }
      if (!Double.isNaN(sample.fullAfterCollection())) {
        afterCollectionReadings++;
        mostFullAfterCollection = Math.max(mostFullAfterCollection, sample.fullAfterCollection());
      }
    }

    Figures figures(int heapMegabytes) {
      double watchedSeconds = first == null ? 0 : (last.nanos() - first.nanos()) / 1e9;
      return new Figures(service.name(), heapMegabytes, mostUsedBytes / (1 << 20), mostFullAfterCollection,
          afterCollectionReadings, watchedSeconds == 0 ? 0 : pausedSeconds / watchedSeconds, samples, failedSamples,
          restarts);
    }
  }
}
