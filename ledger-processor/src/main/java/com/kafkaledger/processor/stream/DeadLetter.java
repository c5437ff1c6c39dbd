package com.kafkaledger.processor.stream;

/**
 * A record of the commands topic that the ledger cannot use, on its way to
 * {@link com.kafkaledger.events.Topics#COMMANDS_DEAD_LETTER} with the bytes it arrived with, so
 * that someone can look at it, fix the sender, and replay it if it should have been applied.
 *
 * @param originalValue the value exactly as read from the commands topic (null for a tombstone)
 */
record DeadLetter(Cause cause, String reason, byte[] originalValue) {

  /** Where the dead letter came from; headers name the source so it can be found and replayed. */
  static final String SOURCE_TOPIC_HEADER = "ledger.dead-letter.topic";
  static final String SOURCE_PARTITION_HEADER = "ledger.dead-letter.partition";
  static final String SOURCE_OFFSET_HEADER = "ledger.dead-letter.offset";

  /** A reason text is for people; cap it so that a huge unreadable value cannot bloat the header. */
  static final int MAX_REASON_LENGTH = 1_000;

  DeadLetter {
    reason = reason == null ? cause.name() : reason;
    if (reason.length() > MAX_REASON_LENGTH) {
      reason = reason.substring(0, MAX_REASON_LENGTH);
    }
  }

  /** Why the ledger could not use the record, as a short tag for metrics and dashboards. */
  enum Cause {
    /** Not JSON, not a command, or no value at all. */
    UNREADABLE,
    /** The record key is not the account the command applies to: it would break single-writer. */
    WRONG_KEY,
    /** A readable command that {@link com.kafkaledger.processor.core.CommandRules} refuses. */
    BREAKS_CONTRACT,
    /** A CREDIT or REVERSAL leg without the ledger's own signature: not sent by the ledger. */
    FORGED_LEG,
    /**
     * A reversal whose amount the source's balance cannot hold (it would pass 2^63 - 1): the money
     * stays in transit, and the leg can be replayed once the balance is lower.
     */
    REVERSAL_OVERFLOW
  }
}
