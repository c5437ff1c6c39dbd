package com.kafkaledger.gateway.idempotency;

/** The shared table of idempotency claims could not be written: answered 503, nothing published. */
public class ClaimsUnavailableException extends RuntimeException {

  public ClaimsUnavailableException(Throwable cause) {
    super("the gateway's database, which holds the Idempotency-Keys in use, is not reachable right now", cause);
  }
}
