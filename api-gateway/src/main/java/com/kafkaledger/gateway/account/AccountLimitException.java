package com.kafkaledger.gateway.account;

/** The owner has as many accounts as allowed: answered 409, nothing published. */
public class AccountLimitException extends RuntimeException {

  AccountLimitException(String message) {
    super(message);
  }
}
