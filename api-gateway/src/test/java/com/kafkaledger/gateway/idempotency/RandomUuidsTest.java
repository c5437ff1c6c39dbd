package com.kafkaledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

  @Test
  void idsAreVersion4WithTheIetfVariantAndParseBack() {
    UUID id = RandomUuids.next();

    assertThat(id.version()).isEqualTo(4);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(UUID.fromString(id.toString())).isEqualTo(id);
  }

  @Test
  void manyThreadsNeverDrawTheSameId() throws Exception {
    Set<UUID> drawn = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    for (int thread = 0; thread < 8; thread++) {
      threads.submit(() -> {
        for (int i = 0; i < 25_000; i++) {
          drawn.add(RandomUuids.next());
        }
      });
    }
    threads.shutdown();

    assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(drawn).hasSize(200_000);
  }

  @Test
  void everyBitOutsideVersionAndVariantVaries() {
    long mostOr = 0;
    long mostAnd = -1;
    long leastOr = 0;
    long leastAnd = -1;
    for (int i = 0; i < 1_000; i++) {
      UUID id = RandomUuids.next();
      mostOr |= id.getMostSignificantBits();
      mostAnd &= id.getMostSignificantBits();
      leastOr |= id.getLeastSignificantBits();
      leastAnd &= id.getLeastSignificantBits();
    }

    // 122 random bits: only the 4 version bits and the 2 variant bits are the same in every id
    assertThat(Long.bitCount(mostOr ^ mostAnd)).isEqualTo(60);
    assertThat(Long.bitCount(leastOr ^ leastAnd)).isEqualTo(62);
  }
}
