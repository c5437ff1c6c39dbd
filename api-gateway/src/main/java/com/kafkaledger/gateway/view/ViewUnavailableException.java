package com.kafkaledger.gateway.view;

/** The balance view did not answer: answered 503 with Retry-After. */
public class ViewUnavailableException extends RuntimeException {

  public ViewUnavailableException(Throwable cause) {
    super("the balance view is not reachable right now", cause);
  }

  /** The view answers but is behind. */
  public ViewUnavailableException(String message) {
    super(message);
  }
}
