package com.kafkaledger.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateSamplesTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void theSteadyRateLeavesTheWarmUpOut() {
    RateSamples samples = new RateSamples();
    // 100/s for the first 5 s (warming up), then 1000/s for 15 s, sampled every second
    long records = 0;
    for (int second = 0; second <= 20; second++) {
      samples.add(new RateSamples.Sample(second * SECOND, records));
      records += second < 5 ? 100 : 1000;
    }

    RateSamples.Rate rate = samples.steady();

    assertThat(rate.perSecond()).isCloseTo(1000, within(0.001));
    assertThat(rate.steadySeconds()).isCloseTo(15, within(0.001));
    assertThat(rate.runSeconds()).isCloseTo(20, within(0.001));
  }

  @Test
  void aRunOfOneSampleHasNoRate() {
    RateSamples samples = new RateSamples();
    samples.add(new RateSamples.Sample(0, 10));

    assertThat(samples.steady().perSecond()).isZero();
  }
}
