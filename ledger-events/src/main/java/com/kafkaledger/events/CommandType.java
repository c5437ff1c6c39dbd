package com.kafkaledger.events;

/** What a transaction asks the ledger to do; also the transaction type shown to clients. */
public enum CommandType {
  OPEN_ACCOUNT,
  DEPOSIT,
  WITHDRAWAL,
  /** Between any two accounts of one currency: a debit leg, then a credit leg (or a reversal). */
  TRANSFER,
  /** A merchant debits a customer's wallet; the same two legs as a transfer. */
  CHARGE,
  CLOSE_ACCOUNT,
  SET_OVERDRAFT_LIMIT;

  /** Whether the transaction moves money between two ledger accounts in two legs. */
  public boolean isTwoLegged() {
    return this == TRANSFER || this == CHARGE;
  }
}
