package com.kafkaledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.request.InvalidRequestException;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  private final Caller alice = new Caller("alice", Role.CUSTOMER);
  private final Caller bob = new Caller("bob", Role.CUSTOMER);

  @Test
  void theSameCallerAndKeyAlwaysGiveTheSameTransactionId() {
    assertThat(IdempotencyKeys.derive("transaction", alice, "k-1"))
        .isEqualTo(IdempotencyKeys.derive("transaction", alice, "k-1"));
  }

  @Test
  void anotherCallerOrPurposeOrNoKeyGivesAnotherId() {
    String id = IdempotencyKeys.derive("transaction", alice, "k-1");

    assertThat(IdempotencyKeys.derive("transaction", bob, "k-1")).isNotEqualTo(id);
    assertThat(IdempotencyKeys.derive("account", alice, "k-1")).isNotEqualTo(id);
    assertThat(IdempotencyKeys.derive("transaction", alice, null))
        .isNotEqualTo(IdempotencyKeys.derive("transaction", alice, null));
  }

  @Test
  void anIdTellsWhetherItWasDerivedFromAKey() {
    assertThat(IdempotencyKeys.isDerivedFromKey(IdempotencyKeys.derive("transaction", alice, "k-1"))).isTrue();
    assertThat(IdempotencyKeys.isDerivedFromKey(IdempotencyKeys.derive("transaction", alice, null))).isFalse();
  }

  @Test
  void keysLongerThan255CharactersOrBlankAreRefused() {
    assertThat(IdempotencyKeys.validated("x".repeat(255))).hasSize(255);
    assertThatThrownBy(() -> IdempotencyKeys.validated("x".repeat(256)))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Idempotency-Key");
    assertThatThrownBy(() -> IdempotencyKeys.validated(" "))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void fingerprintsTellDifferentRequestsApart() {
    assertThat(IdempotencyKeys.fingerprint("DEPOSIT", 100L, "EUR"))
        .isEqualTo(IdempotencyKeys.fingerprint("DEPOSIT", 100L, "EUR"))
        .isNotEqualTo(IdempotencyKeys.fingerprint("DEPOSIT", 101L, "EUR"))
        .isNotEqualTo(IdempotencyKeys.fingerprint("DEPOSIT", 100L, null));
  }
}
