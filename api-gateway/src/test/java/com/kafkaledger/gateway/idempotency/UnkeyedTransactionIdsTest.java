package com.kafkaledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.caller.Caller;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnkeyedTransactionIdsTest {

  private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes-for-tests";
  private final UnkeyedTransactionIds ids = new UnkeyedTransactionIds(SECRET, Duration.ofMinutes(5));
  private final Caller alice = new Caller("alice-id", Role.CUSTOMER);
  private final Caller bob = new Caller("bob-id", Role.CUSTOMER);

  @Test
  void anIdIsTimeOrderedAndToldAsLatelyMintedToItsInitiatorOnly() {
    String id = ids.mint(alice);

    assertThat(UUID.fromString(id).version()).isEqualTo(7);
    assertThat(ids.mintedLatelyBy(id, alice)).isTrue();
    assertThat(ids.mintedLatelyBy(id, bob)).isFalse();
  }

  @Test
  void anotherInstanceWithTheSameSecretTellsIt() {
    String id = ids.mint(alice);

    assertThat(new UnkeyedTransactionIds(SECRET, Duration.ofMinutes(5)).mintedLatelyBy(id, alice)).isTrue();
    assertThat(new UnkeyedTransactionIds(SECRET + "-rotated", Duration.ofMinutes(5)).mintedLatelyBy(id, alice))
        .isFalse();
  }

  @Test
  void onlyWithinTheWindowEitherWay() {
    long now = System.currentTimeMillis();

    assertThat(ids.mintedLatelyBy(ids.mint("alice-id", now - Duration.ofMinutes(4).toMillis()).toString(), alice))
        .isTrue();
    assertThat(ids.mintedLatelyBy(ids.mint("alice-id", now + Duration.ofMinutes(4).toMillis()).toString(), alice))
        .as("the minting instance's clock ahead").isTrue();
    assertThat(ids.mintedLatelyBy(ids.mint("alice-id", now - Duration.ofMinutes(6).toMillis()).toString(), alice))
        .isFalse();
    assertThat(ids.mintedLatelyBy(ids.mint("alice-id", now + Duration.ofMinutes(6).toMillis()).toString(), alice))
        .isFalse();
  }

  @Test
  void madeUpIdsAlmostNeverPass() {
    long passed = IntStream.range(0, 10_000)
        .mapToObj(i -> RandomUuids.version7(System.currentTimeMillis()).toString())
        .filter(id -> ids.mintedLatelyBy(id, alice))
        .count();
    long tamperedPassed = IntStream.range(0, 10_000)
        .mapToObj(i -> {
          UUID minted = ids.mint("alice-id", System.currentTimeMillis());
          return new UUID(minted.getMostSignificantBits(), minted.getLeastSignificantBits() ^ (1L << 20)).toString();
        })
        .filter(id -> ids.mintedLatelyBy(id, alice))
        .count();

    // a 16-bit tag: about one in 65,536 passes by chance
    assertThat(passed).isLessThanOrEqualTo(5);
    assertThat(tamperedPassed).isLessThanOrEqualTo(5);
  }

  @Test
  void idsOfOtherKindsAreNeverLatelyMinted() {
    assertThat(ids.mintedLatelyBy(RandomUuids.version4().toString(), alice)).isFalse();
    assertThat(ids.mintedLatelyBy(IdempotencyKeys.derive("transaction", alice, "k-1"), alice)).isFalse();
  }
}
