package com.kafkaledger.gateway.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PreferWaitTest {

  @Test
  void readsTheWaitPreference() {
    assertThat(PreferWait.from("wait=5")).isEqualTo(Duration.ofSeconds(5));
    assertThat(PreferWait.from("respond-async, wait=10")).isEqualTo(Duration.ofSeconds(10));
    assertThat(PreferWait.from("return=minimal; wait = 3")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void capsTheWaitAtThirtySeconds() {
    assertThat(PreferWait.from("wait=600")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void noOrUnreadablePreferenceMeansNoWait() {
    assertThat(PreferWait.from(null)).isZero();
    assertThat(PreferWait.from("respond-async")).isZero();
    assertThat(PreferWait.from("wait=soon")).isZero();
    assertThat(PreferWait.from("await=5")).isZero();
  }
}
