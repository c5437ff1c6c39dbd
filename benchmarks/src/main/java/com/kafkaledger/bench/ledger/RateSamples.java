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

  /**
   * @param appCpuNanos CPU time used so far by this JVM (the app, its clients, the output meter)
   * @param brokerCpuNanos CPU time used so far by the broker's JVM
   */
  record Sample(long nanos, long records, long appCpuNanos, long brokerCpuNanos) {
    Sample(long nanos, long records) {
      this(nanos, records, 0, 0);
    }
  }

  /**
   * @param perSecond output records per second over the steady part
   * @param steadySeconds how long the steady part lasted
   * @param runSeconds how long the run lasted, from the first output
   * @param appCpuMicros CPU microseconds per record this JVM used over the steady part
   * @param brokerCpuMicros CPU microseconds per record the broker used over the steady part
   */
  public record Rate(double perSecond, double steadySeconds, double runSeconds, double appCpuMicros,
      double brokerCpuMicros) {}

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
    long records = end.records() - start.records();
    if (seconds <= 0 || records <= 0) {
      return new Rate(0, 0, secondsSinceFirst(end), 0, 0);
    }
    return new Rate(records / seconds, seconds, secondsSinceFirst(end),
        (end.appCpuNanos() - start.appCpuNanos()) / 1e3 / records,
        (end.brokerCpuNanos() - start.brokerCpuNanos()) / 1e3 / records);
  }
}
