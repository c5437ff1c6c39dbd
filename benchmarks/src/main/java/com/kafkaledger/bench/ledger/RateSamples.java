package com.kafkaledger.bench.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Output counts sampled over a run, from the first output on. The steady rate leaves out the
 * first part of the run, where the JIT is still compiling and the caches are cold.
 */
public final class RateSamples {

  /** How much of the run counts as warm-up. */
  public static final double WARM_UP_SHARE = 0.25;

  record Sample(long nanos, long records) {}

  /**
   * @param perSecond output records per second over the steady part
   * @param steadySeconds how long the steady part lasted
   * @param runSeconds how long the run lasted, from the first output
   */
  record Rate(double perSecond, double steadySeconds, double runSeconds) {}

  private final List<Sample> samples = new ArrayList<>();

  void add(Sample sample) {
    samples.add(sample);
  }

  Sample first() {
    return samples.get(0);
  }

  Sample last() {
    return samples.get(samples.size() - 1);
  }

  double secondsSinceFirst(Sample sample) {
    return (sample.nanos() - first().nanos()) / 1e9;
  }

  /** From the first sample at or after the warm-up share of the run to the last sample. */
  Rate steady() {
    Sample end = last();
    long warmUpEnd = first().nanos() + (long) ((end.nanos() - first().nanos()) * WARM_UP_SHARE);
    Sample start = samples.stream().filter(sample -> sample.nanos() >= warmUpEnd).findFirst().orElseThrow();
    double seconds = (end.nanos() - start.nanos()) / 1e9;
    if (seconds <= 0) {
      return new Rate(0, 0, secondsSinceFirst(end));
    }
    return new Rate((end.records() - start.records()) / seconds, seconds, secondsSinceFirst(end));
  }
}
