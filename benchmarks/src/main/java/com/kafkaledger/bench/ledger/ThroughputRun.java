package com.kafkaledger.bench.ledger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs one app over its pre-loaded input and watches its output: from the first output record
 * until it has written all it will write or the longest run is over, printing the rate every 5 s.
 */
final class ThroughputRun {

  private static final long SAMPLE_MILLIS = 100;
  private static final Duration PRINT_EVERY = Duration.ofSeconds(5);
  private static final Duration FIRST_OUTPUT_LIMIT = Duration.ofMinutes(3);

  /**
   * @param name what is measured, e.g. "ledger"
   * @param unit what its output counts, e.g. "commands"
   */
  record Labels(String name, String unit) {}

  /**
   * @param rate the steady rate
   * @param outputs everything the app wrote during the run
   * @param settled transfers or charges credited during the run
   * @param rejected rejections during the run (the ledger should have none)
   * @param finished whether it got through its whole input before the longest run was over
   */
  record Measured(RateSamples.Rate rate, long outputs, long settled, long rejected, boolean finished) {}

  private ThroughputRun() {}

  static Measured measure(Labels labels, Supplier<StreamsApp> starter, OutputMeter meter, long expectedOutputs,
      Duration longest, CpuClock cpu) throws InterruptedException {
    long started = System.nanoTime();
    try (StreamsApp app = starter.get()) {
      RateSamples samples = new RateSamples();
      samples.add(awaitFirstOutput(app, meter, cpu));
      System.out.printf("    %-8s first output %.1f s after the start%n", labels.name(),
          (samples.first().nanos() - started) / 1e9);
      RateSamples.Sample printed = samples.first();
      boolean finished = false;
      while (!finished && samples.secondsSinceFirst(samples.last()) < longest.toSeconds()) {
        Thread.sleep(SAMPLE_MILLIS);
        app.requireHealthy();
        RateSamples.Sample now = sample(meter, cpu);
        samples.add(now);
        finished = now.records() >= expectedOutputs;
        if (now.nanos() - printed.nanos() >= PRINT_EVERY.toNanos()) {
          System.out.printf("    %-8s %4.0f s: %s%n", labels.name(), samples.secondsSinceFirst(now),
              describe(labels, between(printed, now)));
          printed = now;
        }
      }
      RateSamples.Rate rate = samples.steady();
      System.out.printf("    %-8s steady, last %.0f of %.0f s: %s, CPU per record %.0f us here + %.0f us in the"
          + " broker%s%n", labels.name(), rate.steadySeconds(), rate.runSeconds(), describe(labels, rate),
          rate.appCpuMicros(), rate.brokerCpuMicros(), finished ? " (went through its whole input)" : "");
      return new Measured(rate, samples.last().records(), meter.settled(), meter.rejected(), finished);
    }
  }

  private static RateSamples.Sample awaitFirstOutput(StreamsApp app, OutputMeter meter, CpuClock cpu)
      throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_OUTPUT_LIMIT.toNanos();
    while (meter.records() == 0) {
      app.requireHealthy();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no output after " + FIRST_OUTPUT_LIMIT.toSeconds() + " s");
      }
      Thread.sleep(SAMPLE_MILLIS / 2);
    }
    return sample(meter, cpu);
  }

  private static RateSamples.Sample sample(OutputMeter meter, CpuClock cpu) {
    return new RateSamples.Sample(System.nanoTime(), meter.records(), cpu.thisJvmNanos(), cpu.brokerNanos());
  }

  private static RateSamples.Rate between(RateSamples.Sample from, RateSamples.Sample to) {
    double seconds = (to.nanos() - from.nanos()) / 1e9;
    return new RateSamples.Rate((to.records() - from.records()) / seconds, seconds, seconds, 0, 0);
  }

  static String describe(Labels labels, RateSamples.Rate rate) {
    return String.format("%6d %s/s", Math.round(rate.perSecond()), labels.unit());
  }
}
