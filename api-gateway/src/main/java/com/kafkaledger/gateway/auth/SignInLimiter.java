package com.kafkaledger.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per email and per client address in fixed one-minute windows, to slow
 * down password guessing. Per gateway instance: with N instances an attacker gets N times the
 * budget, still far from a useful guessing rate.
 *
 * <p>Memory stays bounded whatever arrives: an address over its budget adds no email windows, an
 * email is kept as its digest, and at most {@code trackedKeys} windows are kept. Past that bound the cache keeps the keys used most
 * often, so an address or email under attack keeps its count while one-off keys are dropped.
 */
@Component
class SignInLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Map<String, Window> windows;
  private final Cache<String, Window> cache;
  private final int perEmail;
  private final int perAddress;
  private final Clock clock;

  SignInLimiter(@Value("${ledger.gateway.sign-in-attempts-per-email-per-minute}") int perEmail,
      @Value("${ledger.gateway.sign-in-attempts-per-address-per-minute}") int perAddress,
      @Value("${ledger.gateway.sign-in-tracked-keys:100000}") int trackedKeys, Clock clock) {
    this.perEmail = perEmail;
    this.perAddress = perAddress;
    this.clock = clock;
    // A window is over a minute after it opened; expiring it then only frees its memory sooner.
    // Evicting on the caller's thread keeps the bound exact; next to a password check it costs nothing.
    this.cache = Caffeine.newBuilder().maximumSize(trackedKeys).expireAfterWrite(WINDOW)
        .executor(Runnable::run).build();
    this.windows = cache.asMap();
  }

  /** Counts one attempt; refuses it if either budget is spent. The address is counted first. */
  void attempt(String email, String address) {
    long now = clock.millis();
    count("address:" + address, perAddress, "from this address", now);
    count("email:" + digest(email), perEmail, "for this email", now);
  }

  /** An email (any text of up to 254 characters here) as a key of fixed size. */
  private static String digest(String email) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** How many windows are kept now. */
  long tracked() {
    cache.cleanUp();
    return cache.estimatedSize();
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
