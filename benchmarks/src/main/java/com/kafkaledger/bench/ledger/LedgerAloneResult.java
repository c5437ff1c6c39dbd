package com.kafkaledger.bench.ledger;

/**
 * One workload's figures: the ledger's steady rate against the trivial app's on the same input.
 *
 * @param inputRecords pre-loaded records each app got (the ledger also processes the credit legs it sends)
 * @param ledgerCommandsPerSecond commands the ledger decided per second (one event each)
 * @param trivialRecordsPerSecond records the trivial app processed per second
 */
public record LedgerAloneResult(LedgerWorkload workload, long inputRecords, double ledgerCommandsPerSecond,
    double trivialRecordsPerSecond) {

  /**
   * Transfers or charges fully settled per second when the ledger keeps up: each is two commands
   * (the debit, then the credit leg). Derived, not counted: the credit legs queue behind the
   * pre-loaded debits, so a pre-loaded run settles hardly any before its input is through.
   */
  public double ledgerSettledPerSecond() {
    return ledgerCommandsPerSecond / workload.commandsPerInput();
  }

  /** Ledger commands per trivial-app record: the same work per record (read, state, write), plus the ledger's. */
  public double ratio() {
    return ledgerCommandsPerSecond / trivialRecordsPerSecond;
  }

  public String line() {
    String ledger = String.format("ledger %6d commands/s", Math.round(ledgerCommandsPerSecond));
    if (workload.isTwoLegged()) {
      ledger += String.format(" (%d %s settled/s, 2 commands each)", Math.round(ledgerSettledPerSecond()),
          workload.settledUnit());
    }
    return String.format("ledger-alone  %-22s %s, trivial app %6d records/s, ledger/trivial %3.0f%%",
        workload.label(), ledger, Math.round(trivialRecordsPerSecond), 100 * ratio());
  }
}
