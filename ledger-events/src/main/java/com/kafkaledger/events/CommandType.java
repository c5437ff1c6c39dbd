package com.kafkaledger.events;

/** What a command asks the ledger to do; also the transaction type shown to clients. */
public enum CommandType {
  OPEN_ACCOUNT,
  DEPOSIT,
  WITHDRAWAL
}
