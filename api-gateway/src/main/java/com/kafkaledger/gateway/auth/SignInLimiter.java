package com.kafkaledger.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per email and per client address in fixed one-minute windows, to slow
 * down password guessing. Per gateway instance: with N instances an attacker gets N times the
 * budget, still far from a useful guessing rate.
 *
 * <p>Memory stays bounded whatever arrives: each kind of window is kept in its own cache of at most
 * {@code trackedKeys}, and an email is kept as its digest. The address is counted first, so a new
 * email window is only made by an attempt its address may make, which then costs a password check:
 * emails cannot be flooded faster than passwords are checked, and a flood of new addresses cannot
 * push a guessed email's window out.
 */
@Component
class SignInLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Cache<String, Window> byAddress;
  private final Cache<String, Window> byEmail;
  private final int perEmail;
  private final int perAddress;
  private final Clock clock;

  SignInLimiter(@Value("${ledger.gateway.sign-in-attempts-per-email-per-minute}") int perEmail,
      @Value("${ledger.gateway.sign-in-attempts-per-address-per-minute}") int perAddress,
      @Value("${ledger.gateway.sign-in-tracked-keys:100000}") int trackedKeys, Clock clock) {
    this.perEmail = perEmail;
    this.perAddress = perAddress;
    this.clock = clock;
    this.byAddress = windows(trackedKeys);
    this.byEmail = windows(trackedKeys);
  }

  /**
   * A window is over a minute after it opened; expiring it then only frees its memory sooner. Past
   * the bound, the cache keeps the keys used most often. Its upkeep runs on the caller's thread,
   * next to a password check it costs nothing.
   */
  private static Cache<String, Window> windows(int bound) {
    return Caffeine.newBuilder().maximumSize(bound).expireAfterWrite(WINDOW).executor(Runnable::run).build();
  }

  /** Counts one attempt; refuses it if either budget is spent. The address is counted first. */
  void attempt(String email, String address) {
    long now = clock.millis();
    count(byAddress, address, perAddress, "from this address", now);
    count(byEmail, digest(email), perEmail, "for this email", now);
  }

  /** How many windows are kept now, of both kinds. */
  long tracked() {
    byAddress.cleanUp();
    byEmail.cleanUp();
    return byAddress.estimatedSize() + byEmail.estimatedSize();
  }

  private static void count(Cache<String, Window> windows, String key, int budget, String what, long now) {
    Window window = windows.asMap().compute(key, (ignored, current) ->
        current == null || current.endsAtMillis <= now
            ? new Window(now + WINDOW.toMillis(), 1)
            : new Window(current.endsAtMillis, current.attempts + 1));
    if (window.attempts > budget) {
      throw new TooManyAttemptsException(what, Math.max(1, (window.endsAtMillis - now + 999) / 1000));
    }
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

  private record Window(long endsAtMillis, int attempts) {}
}
