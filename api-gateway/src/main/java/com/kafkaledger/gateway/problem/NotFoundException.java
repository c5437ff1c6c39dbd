package com.kafkaledger.gateway.problem;

/** Nothing the caller may see exists under that id: answered 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
