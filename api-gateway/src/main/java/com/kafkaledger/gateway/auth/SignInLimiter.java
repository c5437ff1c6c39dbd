package com.kafkaledger.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per email and per client address in fixed one-minute windows, to slow
 * down password guessing. Per gateway instance: with N instances an attacker gets N times the
 * budget, still far from a useful guessing rate.
 */
@Component
class SignInLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Beyond this many tracked keys, expired windows are dropped: memory stays bounded. */
  private static final int MAX_TRACKED = 100_000;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final int perEmail;
  private final int perAddress;
  private final Clock clock;

  SignInLimiter(@Value("${ledger.gateway.sign-in-attempts-per-email-per-minute}") int perEmail,
      @Value("${ledger.gateway.sign-in-attempts-per-address-per-minute}") int perAddress, Clock clock) {
    this.perEmail = perEmail;
    this.perAddress = perAddress;
    this.clock = clock;
  }

  /** Counts one attempt; refuses it if either budget is spent. */
  void attempt(String email, String address) {
    long now = clock.millis();
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(window -> window.endsAtMillis <= now);
    }
    count("email:" + email, perEmail, "for this email", now);
    count("address:" + address, perAddress, "from this address", now);
  }

  private void count(String key, int budget, String what, long now) {
    Window window = windows.compute(key, (ignored, current) ->
        current == null || current.endsAtMillis <= now
            ? new Window(now + WINDOW.toMillis(), 1)
            : new Window(current.endsAtMillis, current.attempts + 1));
    if (window.attempts > budget) {
      throw new TooManyAttemptsException(what, Math.max(1, (window.endsAtMillis - now + 999) / 1000));
    }
  }

  private record Window(long endsAtMillis, int attempts) {}
}
