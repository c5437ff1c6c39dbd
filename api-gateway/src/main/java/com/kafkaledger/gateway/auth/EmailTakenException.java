package com.kafkaledger.gateway.auth;

/** Sign-up with an email that already has an account: answered 409. */
public class EmailTakenException extends RuntimeException {

  EmailTakenException() {
    super("an account with this email exists already");
  }
}
