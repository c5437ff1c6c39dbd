package com.kafkaledger.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeapWatchTest {

  // Lines as a service's /actuator/prometheus writes them (Micrometer's JVM metrics, G1).
  private static final String SCRAPE = """
      # HELP jvm_gc_pause_seconds Time spent in GC pause
      # TYPE jvm_gc_pause_seconds summary
      jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 311
      jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.767
      jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 0.033
      jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.012
      jvm_gc_live_data_size_bytes 7.187968E7
      jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 5.36870912E8
      # HELP jvm_memory_usage_after_gc The percentage of long-lived heap pool used after the last GC event, in the range [0..1]
      # TYPE jvm_memory_usage_after_gc gauge
      jvm_memory_usage_after_gc{area="heap",pool="long-lived"} 0.13388633728027344
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 2.4117248E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 7.187968E7
      jvm_memory_used_bytes{area="heap",id="G1 Survivor Space"} 3399328.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 8.588524E7
      """;

  @Test
  void readsTheHeapInUseItsLongLivedPoolAfterCollectionAndThePausesOfOneScrape() {
    HeapWatch.Sample sample = HeapWatch.Sample.parse(SCRAPE, 42);

    assertThat(sample.heapUsedBytes()).as("the heap's pools, not the others").isEqualTo(2.4117248E7 + 7.187968E7
        + 3399328.0);
    assertThat(sample.fullAfterCollection()).isEqualTo(0.13388633728027344);
    assertThat(sample.pausedSeconds()).as("every kind of pause, counts and maxima aside").isCloseTo(0.8, within(1e-9));
  }

  @Test
  void aServicesFiguresAreItsWorstSamplesAndItsPausesOverTheWatchedTime() {
    HeapWatch.Watched watched = new HeapWatch.Watched(new HeapWatch.Service("balance-view", "http://127.0.0.1:1"));
    watched.add(new HeapWatch.Sample(0, 100 << 20, Double.NaN, 2.0));
    watched.add(new HeapWatch.Sample(5_000_000_000L, 300 << 20, 0.30, 2.05));
    watched.add(new HeapWatch.Sample(10_000_000_000L, 200 << 20, 0.20, 2.10));
    watched.failedSamples++;

    HeapWatch.Figures figures = watched.figures(512);

    assertThat(figures.mostUsedMegabytes()).isEqualTo(300);
    assertThat(figures.mostFullAfterCollection()).isEqualTo(0.30);
    assertThat(figures.afterCollectionReadings()).isEqualTo(2);
    assertThat(figures.pausedShare()).as("0.1 s of pauses in 10 s").isCloseTo(0.01, within(1e-9));
    assertThat(figures.samples()).isEqualTo(3);
    assertThat(figures.failedSamples()).isEqualTo(1);
    assertThat(figures.restarts()).isZero();
    assertThat(figures.within()).isTrue();
    assertThat(figures.line()).isEqualTo("memory   balance-view     heap 512 MB: at most 300 MB in use; long-lived pool"
        + " at most 30% full after a collection (2 readings); collections paused it 1.00% of the time (3 samples,"
        + " 1 unanswered, 0 restarts)");
  }

  @Test
  void aServiceWhosePauseCounterWentBackStartedAgainAndItsNewPausesStillCount() {
    HeapWatch.Watched watched = new HeapWatch.Watched(new HeapWatch.Service("api-gateway", "http://127.0.0.1:1"));
    watched.add(new HeapWatch.Sample(0, 1, 0.1, 5.0));
    watched.add(new HeapWatch.Sample(10_000_000_000L, 1, 0.1, 0.2));

    HeapWatch.Figures figures = watched.figures(512);

    assertThat(figures.restarts()).isEqualTo(1);
    assertThat(figures.pausedShare()).isCloseTo(0.02, within(1e-9));
    assertThat(figures.within()).isFalse();
  }

  @Test
  void aServiceThatReportsNoCollectionYetHasNoFillAfterOne() {
    HeapWatch.Sample sample = HeapWatch.Sample.parse(
        "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1048576.0\n", 0);

    assertThat(sample.heapUsedBytes()).isEqualTo(1048576.0);
    assertThat(sample.fullAfterCollection()).isNaN();
    assertThat(HeapWatch.Sample.parse(
        "jvm_memory_usage_after_gc{area=\"heap\",pool=\"long-lived\"} 0.0\n", 0).fullAfterCollection())
        .as("Micrometer's gauge before any collection of the pool").isNaN();
    assertThat(sample.pausedSeconds()).isZero();
  }
}
