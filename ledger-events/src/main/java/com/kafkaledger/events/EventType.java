package com.kafkaledger.events;

/** What happened to an account. Only ever add values. */
public enum EventType {
  ACCOUNT_OPENED,
  DEPOSITED,
  WITHDRAWN,
  /** The source of a transfer or charge gave the money; it is in transit until credited or reversed. */
  TRANSFER_DEBITED,
  /** The destination received the money: the transfer or charge is COMPLETED. */
  TRANSFER_CREDITED,
  /** The credit could not be applied ({@code reason} says why): the source got the money back. */
  TRANSFER_REVERSED,
  ACCOUNT_CLOSED,
  OVERDRAFT_LIMIT_SET,
  /** The command changed nothing; {@code reason} says why. */
  REJECTED
}
