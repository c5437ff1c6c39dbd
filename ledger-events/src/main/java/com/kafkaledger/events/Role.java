package com.kafkaledger.events;

/** What a signed-in user may do: their own wallets, their one merchant account, or everything. */
public enum Role {
  CUSTOMER,
  MERCHANT,
  OPERATOR
}
