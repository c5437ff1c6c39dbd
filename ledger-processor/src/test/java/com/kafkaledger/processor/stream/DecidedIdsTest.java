package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecidedIdsTest {

  private static final long HOUR = 3_600_000;
  private final Random random = new Random(42);

  @Test
  void everyAddedIdIsFoundAcrossManyFiltersAndFewOthersAre() {
    DecidedIds ids = new DecidedIds(25 * HOUR, 1 << 20, DecidedIds.KEYS_PER_FILTER);
    List<String> added = randomIds(3 * DecidedIds.KEYS_PER_FILTER + 7);
    for (int i = 0; i < added.size(); i++) {
      ids.add(added.get(i), 1_000L + i);
    }

    assertThat(added).allMatch(id -> ids.mightContain(id, 0));
    long falseMaybes = randomIds(100_000).stream().filter(id -> ids.mightContain(id, 0)).count();
    // about one in a thousand per full filter asked, three here
    assertThat(falseMaybes).isBetween(1L, 450L);
    assertThat(ids.forgottenUpTo()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void aFilterWhoseIdsAllPrecedeTheLookedUpTimeIsNotAsked() {
    DecidedIds ids = new DecidedIds(25 * HOUR, 1 << 20, DecidedIds.KEYS_PER_FILTER);
    ids.add("0c9f6f3e-5d2a-4c1b-9a8e-1f2d3c4b5a69", 1_000);

    assertThat(ids.mightContain("0c9f6f3e-5d2a-4c1b-9a8e-1f2d3c4b5a69", 1_000)).isTrue();
    assertThat(ids.mightContain("0c9f6f3e-5d2a-4c1b-9a8e-1f2d3c4b5a69", 1_001)).isFalse();
  }

  @Test
  void filtersOlderThanTheRetentionAreForgottenAndTheirTimeIsSaid() {
    DecidedIds ids = new DecidedIds(25 * HOUR, 1 << 20, DecidedIds.KEYS_PER_FILTER);
    List<String> old = randomIds(DecidedIds.KEYS_PER_FILTER);
    old.forEach(id -> ids.add(id, 5_000));

    String recent = UUID.randomUUID().toString();
    ids.add(recent, 5_000 + 25 * HOUR + 1);

    assertThat(ids.forgottenUpTo()).isEqualTo(5_000);
    assertThat(ids.keys()).isEqualTo(1);
    assertThat(ids.mightContain(recent, 0)).isTrue();
    // the caller asks the store for anything up to forgottenUpTo: an old id is not claimed unseen
    // here for a time it no longer covers
    assertThat(old.stream().filter(id -> ids.mightContain(id, 0)).count()).isLessThan(50);
  }

  @Test
  void beyondTheMostIdsTheOldestFilterIsForgottenAndEveryNewerIdStillFound() {
    DecidedIds ids = new DecidedIds(25 * HOUR, 2L * DecidedIds.KEYS_PER_FILTER, DecidedIds.KEYS_PER_FILTER);
    List<String> added = randomIds(3 * DecidedIds.KEYS_PER_FILTER + 1);
    for (int i = 0; i < added.size(); i++) {
      ids.add(added.get(i), i);
    }

    assertThat(ids.keys()).isLessThanOrEqualTo(2L * DecidedIds.KEYS_PER_FILTER);
    assertThat(ids.forgottenUpTo()).isGreaterThanOrEqualTo(DecidedIds.KEYS_PER_FILTER - 1L);
    long forgotten = ids.forgottenUpTo();
    assertThat(IntStream.range(0, added.size()).filter(i -> i > forgotten))
        .allMatch(i -> ids.mightContain(added.get(i), 0));
  }

  @Test
  void aFilterSizeThatIsNotAPowerOfTwoIsRefused() {
    assertThatThrownBy(() -> new DecidedIds(25 * HOUR, 1 << 20, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
  }

  private List<String> randomIds(int count) {
    return IntStream.range(0, count).mapToObj(i -> new UUID(random.nextLong(), random.nextLong()).toString()).toList();
  }
}
