package com.kafkaledger.gateway.transaction;

/** A merchant charged before opening its account: answered 409. */
public class MerchantAccountMissingException extends RuntimeException {

  MerchantAccountMissingException() {
    super("open your merchant account before charging");
  }
}
