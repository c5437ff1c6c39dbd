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
import org.junit.jupiter.api.Test;

class TimeOrderedUuidsTest {

  @Test
  void idsAreVersion7WithTheIetfVariantAndParseBack() {
    UUID id = TimeOrderedUuids.next();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(UUID.fromString(id.toString())).isEqualTo(id);
  }

  @Test
  void anIdTellsWhenItWasMinted() {
    long before = System.currentTimeMillis();
    UUID id = TimeOrderedUuids.next();
    long after = System.currentTimeMillis();

    assertThat(TimeOrderedUuids.mintedAt(id)).get()
        .satisfies(minted -> assertThat(minted.toEpochMilli()).isBetween(before, after));
    assertThat(TimeOrderedUuids.mintedAt(TimeOrderedUuids.next(1_700_000_000_123L)))
        .contains(Instant.ofEpochMilli(1_700_000_000_123L));
  }

  @Test
  void onlyVersion7IdsHaveATime() {
    assertThat(TimeOrderedUuids.mintedAt(UUID.randomUUID())).isEmpty();
    assertThat(TimeOrderedUuids.mintedAt(UUID.nameUUIDFromBytes(new byte[] {1}))).isEmpty();
  }

  @Test
  void idsSortByTheirTimeAsText() {
    List<String> ids = new ArrayList<>();
    for (long millis = 1_700_000_000_000L; millis < 1_700_000_001_000L; millis += 7) {
      ids.add(TimeOrderedUuids.next(millis).toString());
    }

    // PostgreSQL orders uuids byte by byte, as their text sorts
    assertThat(ids).isSorted();
  }

  @Test
  void manyThreadsNeverDrawTheSameId() throws Exception {
    Set<UUID> drawn = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    for (int thread = 0; thread < 8; thread++) {
      threads.submit(() -> {
        for (int i = 0; i < 25_000; i++) {
          drawn.add(TimeOrderedUuids.next());
        }
      });
    }
    threads.shutdown();

    assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(drawn).hasSize(200_000);
  }

  @Test
  void everyBitAfterTheTimeVariesExceptVersionAndVariant() {
    long mostOr = 0;
    long mostAnd = -1;
    long leastOr = 0;
    long leastAnd = -1;
    for (int i = 0; i < 1_000; i++) {
      UUID id = TimeOrderedUuids.next(1_700_000_000_000L);
      mostOr |= id.getMostSignificantBits();
      mostAnd &= id.getMostSignificantBits();
      leastOr |= id.getLeastSignificantBits();
      leastAnd &= id.getLeastSignificantBits();
    }

    // 74 random bits: 12 after the time and version, 62 after the variant
    assertThat(Long.bitCount(mostOr ^ mostAnd)).isEqualTo(12);
    assertThat(Long.bitCount(leastOr ^ leastAnd)).isEqualTo(62);
  }
}
