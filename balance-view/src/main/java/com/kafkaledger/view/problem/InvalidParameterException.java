package com.kafkaledger.view.problem;

/** A request parameter with a value the API does not take; answered as a 400 naming it. */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  public InvalidParameterException(String parameter, String detail) {
    super(detail);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
