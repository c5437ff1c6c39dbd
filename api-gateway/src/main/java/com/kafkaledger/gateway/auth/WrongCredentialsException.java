package com.kafkaledger.gateway.auth;

/** Unknown email or wrong password, deliberately not saying which: answered 401. */
public class WrongCredentialsException extends RuntimeException {

  WrongCredentialsException() {
    super("the email or the password is wrong");
  }
}
