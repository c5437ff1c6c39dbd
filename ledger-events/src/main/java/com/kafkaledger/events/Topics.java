package com.kafkaledger.events;

/** The name of every topic of the pipeline, each named once. */
public final class Topics {

  /** Commands for the ledger; key = the account id the command applies to. */
  public static final String COMMANDS = "ledger.commands";

  /** The ledger's outcomes, one per change or rejection; key = account id. A public contract. */
  public static final String EVENTS = "ledger.events";

  /** The ledger's running totals per partition and currency (compacted); key = partition/currency. */
  public static final String TOTALS = "ledger.totals";

  /**
   * Commands the ledger could not read or that break the contract, unchanged, with the reason in
   * the {@value #DEAD_LETTER_REASON_HEADER} header; key = the original key.
   */
  public static final String COMMANDS_DEAD_LETTER = "ledger.commands.dlq";

  public static final String DEAD_LETTER_REASON_HEADER = "ledger.dead-letter.reason";

  private Topics() {}
}
