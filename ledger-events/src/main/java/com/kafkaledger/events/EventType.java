package com.kafkaledger.events;

/** What happened to an account. Every command ends in exactly one of these. */
public enum EventType {
  ACCOUNT_OPENED,
  DEPOSITED,
  WITHDRAWN,
  /** The command changed nothing; {@code reason} says why. */
  REJECTED
}
