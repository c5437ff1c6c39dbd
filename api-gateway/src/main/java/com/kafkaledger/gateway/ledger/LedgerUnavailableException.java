package com.kafkaledger.gateway.ledger;

/** Kafka did not acknowledge the command in time: answered 503 with Retry-After. */
public class LedgerUnavailableException extends RuntimeException {

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
