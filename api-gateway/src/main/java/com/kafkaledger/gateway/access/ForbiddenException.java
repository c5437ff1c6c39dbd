package com.kafkaledger.gateway.access;

/** The caller's role may not do this at all (a customer charging, a customer setting a limit): 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
