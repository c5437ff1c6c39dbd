package com.kafkaledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

  @Test
  void idsHaveTheirVersionAndTheIetfVariantAndParseBack() {
    UUID random = RandomUuids.version4();
    UUID timed = RandomUuids.version7(System.currentTimeMillis());

    assertThat(random.version()).isEqualTo(4);
    assertThat(timed.version()).isEqualTo(7);
    assertThat(List.of(random.variant(), timed.variant())).containsOnly(2);
    assertThat(UUID.fromString(random.toString())).isEqualTo(random);
    assertThat(UUID.fromString(timed.toString())).isEqualTo(timed);
  }

  @Test
  void aVersion7IdStartsWithItsTimeAsInTheRfcsExample() {
    // RFC 9562, appendix A.6: 017F22E2-79B0-7CC3-98C4-DC0C0C07398F, minted at 1645557742000 ms
    long rfcExampleTime = 0x017F22E279B0L;

    assertThat(RandomUuids.version7(rfcExampleTime).toString()).startsWith("017f22e2-79b0-7");
    assertThat(RandomUuids.mintedAt(UUID.fromString("017F22E2-79B0-7CC3-98C4-DC0C0C07398F")))
        .contains(Instant.ofEpochMilli(1_645_557_742_000L));
    assertThat(RandomUuids.mintedAt(RandomUuids.version7(1_700_000_000_123L)))
        .contains(Instant.ofEpochMilli(1_700_000_000_123L));
  }

  @Test
  void onlyVersion7IdsOfTheIetfVariantHaveATime() {
    assertThat(RandomUuids.mintedAt(RandomUuids.version4())).isEmpty();
    assertThat(RandomUuids.mintedAt(UUID.nameUUIDFromBytes(new byte[] {1}))).isEmpty();
    assertThat(RandomUuids.mintedAt(UUID.fromString("017f22e2-79b0-7cc3-c8c4-dc0c0c07398f"))).isEmpty();
  }

  @Test
  void version7IdsSortByTheirTimeAsText() {
    List<String> ids = new ArrayList<>();
    for (long millis = 1_700_000_000_000L; millis < 1_700_000_001_000L; millis += 7) {
      ids.add(RandomUuids.version7(millis).toString());
    }

    // PostgreSQL orders uuids byte by byte, as their text sorts
    assertThat(ids).isSorted();
  }

  @Test
  void manyThreadsNeverDrawTheSameId() throws Exception {
    assertThat(drawnOnEightThreads(RandomUuids::version4)).hasSize(200_000);
    assertThat(drawnOnEightThreads(() -> RandomUuids.version7(1_700_000_000_000L))).hasSize(200_000);
  }

  @Test
  void exactlyTheBitsOutsideTimeVersionAndVariantVary() {
    // version 4: all but the version (bits 12-15 of the first half) and the variant (top 2 of the second)
    assertThat(varyingBits(RandomUuids::version4)).containsExactly(~0xF000L, 0x3FFF_FFFF_FFFF_FFFFL);
    // version 7: also not the time, the first 48 bits
    assertThat(varyingBits(() -> RandomUuids.version7(1_700_000_000_000L)))
        .containsExactly(0xFFFL, 0x3FFF_FFFF_FFFF_FFFFL);
  }

  private static Set<UUID> drawnOnEightThreads(Supplier<UUID> next) throws InterruptedException {
    Set<UUID> drawn = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    for (int thread = 0; thread < 8; thread++) {
      threads.submit(() -> {
        for (int i = 0; i < 25_000; i++) {
          drawn.add(next.get());
        }
      });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    return drawn;
  }

  /** The bits that differ between some of 1,000 ids: of the first half, then of the second. */
  private static List<Long> varyingBits(Supplier<UUID> next) {
    long mostOr = 0;
    long mostAnd = -1;
    long leastOr = 0;
    long leastAnd = -1;
    for (int i = 0; i < 1_000; i++) {
      UUID id = next.get();
      mostOr |= id.getMostSignificantBits();
      mostAnd &= id.getMostSignificantBits();
      leastOr |= id.getLeastSignificantBits();
      leastAnd &= id.getLeastSignificantBits();
    }
    return List.of(mostOr ^ mostAnd, leastOr ^ leastAnd);
  }
}
