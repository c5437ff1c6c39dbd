package com.kafkaledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The limiter's memory stays bounded under a flood of sign-ins, and its budgets still hold. */
class SignInLimiterTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T06:00:00Z"));

  @Test
  void anAddressOverItsBudgetAddsNoWindowPerEmailItTries() {
    SignInLimiter limiter = new SignInLimiter(10, 30, 100_000, clock);

    int refused = 0;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      try {
        limiter.attempt("guess-" + attempt + "@example.com", "203.0.113.7");
      } catch (TooManyAttemptsException e) {
        refused++;
      }
    }

    assertThat(refused).isEqualTo(10_000 - 30);
    // the address's window and the 30 emails tried within its budget
    assertThat(limiter.tracked()).isEqualTo(31);
  }

  @Test
  void aGuessedEmailStaysRefusedWhenEveryAttemptComesFromANewAddress() {
    SignInLimiter limiter = new SignInLimiter(10, 30, 1_000, clock);

    int allowed = 0;
    for (int attempt = 0; attempt < 100_000; attempt++) {
      try {
        limiter.attempt("victim@example.com", address(attempt));
        allowed++;
      } catch (TooManyAttemptsException e) {
        assertThat(e.getMessage()).contains("for this email");
      }
    }

    assertThat(allowed).isEqualTo(10);
    assertThat(limiter.tracked()).as("at most 1,000 addresses and the one email").isLessThanOrEqualTo(1_001);
  }

  @Test
  void anAddressUnderAttackStaysRefusedAmidAFloodOfNewAddresses() {
    SignInLimiter limiter = new SignInLimiter(1_000, 5, 1_000, clock);

    int refusedGuesser = 0;
    for (int round = 0; round < 100; round++) {
      for (int oneOff = 0; oneOff < 500; oneOff++) {
        int client = round * 500 + oneOff;
        limiter.attempt("someone-" + client + "@example.com", address(client));
      }
      // amid the flood, a guesser tries a few passwords per 500 one-off clients
      for (int guess = 0; guess < 5; guess++) {
        try {
          limiter.attempt("victim@example.com", "198.51.100.1");
        } catch (TooManyAttemptsException e) {
          refusedGuesser++;
        }
      }
      assertThat(limiter.tracked()).as("1,000 of each kind at most").isLessThanOrEqualTo(2_000);
    }

    assertThat(refusedGuesser).as("attempts past the address's budget of 5").isEqualTo(500 - 5);
  }

  @Test
  void aSpentBudgetSaysWhenItRenewsAndRenewsAMinuteAfterItsFirstAttempt() {
    SignInLimiter limiter = new SignInLimiter(3, 30, 100_000, clock);
    for (int address = 1; address <= 3; address++) {
      limiter.attempt("victim@example.com", "192.0.2." + address);
    }
    clock.advance(Duration.ofSeconds(15));

    assertThatThrownBy(() -> limiter.attempt("victim@example.com", "192.0.2.4"))
        .isInstanceOfSatisfying(TooManyAttemptsException.class,
            refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(45));

    clock.advance(Duration.ofSeconds(45));
    limiter.attempt("victim@example.com", "192.0.2.5");
  }

  private static String address(int client) {
    return "10." + (client >> 16) + "." + ((client >> 8) & 255) + "." + (client & 255);
  }
}
