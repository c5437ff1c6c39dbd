package com.kafkaledger.gateway.idempotency;

/** The Idempotency-Key was used before for a different request: answered 422, nothing published. */
public class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException(String transactionId) {
    super("Idempotency-Key was already used for a different request (transaction " + transactionId + ")");
  }
}
