package com.kafkaledger.view.problem;

/** The thing asked for is not in the view; answered as a 404 problem document. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
