package com.kafkaledger.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The services' heaps while the pipeline is under load, read from each one's
 * {@code /actuator/prometheus} every few seconds: the most heap in use, how full the long-lived
 * pool (G1's old generation) was at most right after a collection (what the service really keeps;
 * the rest is garbage not collected yet), and the share of the time collections paused it.
 */
public final class HeapWatch implements AutoCloseable {

  /** The most a service's long-lived pool may hold after a collection for it to be within its heap. */
  public static final double AFTER_COLLECTION_LIMIT = 0.80;

  /** A service to watch: its name and the base URL its actuator answers at. */
  public record Service(String name, String url) {}

  /**
   * @param mostUsedMegabytes the most heap in use in any sample, collected or not
   * @param mostFullAfterCollection the long-lived pool's fill right after a collection, at most (0 to 1)
   * @param pausedShare the share of the watched time the collections paused the service
   * @param failedSamples samples the service did not answer within 2 s (busy, or gone)
   */
  public record Figures(String service, int heapMegabytes, double mostUsedMegabytes, double mostFullAfterCollection,
      double pausedShare, int samples, int failedSamples) {

    public boolean within() {
      return mostFullAfterCollection <= AFTER_COLLECTION_LIMIT;
    }

    public String line() {
      return String.format("memory   %-16s heap %d MB: at most %.0f MB in use; long-lived pool at most %.0f%% full"
          + " after a collection; collections paused it %.2f%% of the time (%d samples, %d unanswered)", service,
          heapMegabytes, mostUsedMegabytes, 100 * mostFullAfterCollection, 100 * pausedShare, samples, failedSamples);
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

  @Override
  public void close() {
    sampler.shutdownNow();
  }

  private synchronized void sampleAll() {
    for (Watched service : watched) {
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create(service.service.url() + "/actuator/prometheus")).timeout(SCRAPE_TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("status " + answer.statusCode());
        }
        service.add(Sample.parse(answer.body(), System.nanoTime()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        service.failedSamples++;
      }
    }
  }

  /** One scrape's figures; NaN where the service did not report one. */
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
          afterCollection = value(line);
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
    Sample first;
    Sample last;
    double mostUsedBytes;
    double mostFullAfterCollection;
    int samples;
    int failedSamples;

    Watched(Service service) {
      this.service = service;
    }

    void add(Sample sample) {
      if (first == null) {
        first = sample;
      }
      last = sample;
      samples++;
      mostUsedBytes = Math.max(mostUsedBytes, sample.heapUsedBytes());
      if (!Double.isNaN(sample.fullAfterCollection())) {
        mostFullAfterCollection = Math.max(mostFullAfterCollection, sample.fullAfterCollection());
      }
    }

    Figures figures(int heapMegabytes) {
      double watchedSeconds = first == null ? 0 : (last.nanos() - first.nanos()) / 1e9;
      double pausedShare = watchedSeconds == 0 ? 0 : (last.pausedSeconds() - first.pausedSeconds()) / watchedSeconds;
      return new Figures(service.name(), heapMegabytes, mostUsedBytes / (1 << 20), mostFullAfterCollection,
          pausedShare, samples, failedSamples);
    }
  }
}
