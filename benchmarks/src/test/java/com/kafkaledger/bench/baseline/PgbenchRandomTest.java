package com.kafkaledger.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PgbenchRandomTest {

  @Test
  void transferPairsAreTwoDifferentAccountsWithinTheSchema() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      long[] pair = PgbenchRandom.transferPair(random);
      assertThat(pair[0]).isBetween(1L, 100_000L);
      assertThat(pair[1]).isBetween(1L, 100_000L).isNotEqualTo(pair[0]);
    }
  }

  @Test
  void theDestinationCoversEveryOtherAccountIncludingBothEnds() {
    // (a + random(0, 99998)) % 100000 + 1 at the extremes of random(0, 99998)
    long a = 100_000;
    assertThat((a + 0) % PgbenchRandom.ACCOUNTS + 1).isEqualTo(1);
    assertThat((a + 99_998) % PgbenchRandom.ACCOUNTS + 1).isEqualTo(99_999);
    long one = 1;
    assertThat((one + 0) % PgbenchRandom.ACCOUNTS + 1).isEqualTo(2);
    assertThat((one + 99_998) % PgbenchRandom.ACCOUNTS + 1).isEqualTo(100_000);
  }

  @Test
  void chargesNeverDebitTheMerchantAndTransfersKnowTheirLockOrder() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      var charge = PgbenchRandom.charge(random);
      assertThat(charge.get("cid")).isBetween(2L, 100_000L);
      assertThat(charge.get("amt")).isBetween(1L, 1000L);
      assertThat(charge.get("negamt")).isEqualTo(-charge.get("amt"));
      var transfer = PgbenchRandom.transfer(random);
      assertThat(transfer.get("lo")).isLessThan(transfer.get("hi"));
      assertThat(Math.min(transfer.get("a"), transfer.get("b"))).isEqualTo(transfer.get("lo"));
    }
  }
}
