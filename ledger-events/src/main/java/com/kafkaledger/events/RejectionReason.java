package com.kafkaledger.events;

/** Why the ledger refused a command. Part of the public contract: only ever add values. */
public enum RejectionReason {
  INSUFFICIENT_FUNDS,
  ACCOUNT_NOT_FOUND,
  ACCOUNT_CLOSED,
  CURRENCY_MISMATCH,
  ACCOUNT_ALREADY_EXISTS,
  /** The balance would leave the range a signed 64-bit integer can hold. */
  BALANCE_LIMIT_EXCEEDED,
  /** Only an account with a zero balance can be closed. */
  ACCOUNT_NOT_EMPTY,
  /** The new overdraft limit is smaller than the overdraft the account already uses. */
  OVERDRAFT_IN_USE,
  /** A charge can only credit a merchant's account. */
  NOT_A_MERCHANT,
  /** The initiator may not do this to the account (re-checked by the ledger, defence in depth). */
  NOT_AUTHORIZED
}
