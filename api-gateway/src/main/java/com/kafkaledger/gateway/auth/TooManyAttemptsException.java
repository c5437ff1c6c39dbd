package com.kafkaledger.gateway.auth;

/** Too many sign-in attempts for an email or from an address: answered 429 with Retry-After. */
public class TooManyAttemptsException extends RuntimeException {

  private final long retryAfterSeconds;

  TooManyAttemptsException(String what, long retryAfterSeconds) {
    super("too many sign-in attempts " + what + "; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
