package com.kafkaledger.bench.ledger;

/**
 * One workload's figures: the ledger's steady rate against the trivial app's on the same input.
 *
 * @param ledger the ledger's steady rate in commands decided (one event each)
 * @param trivial the trivial app's steady rate in records processed
 * @param trivialWithDecidedIds the same app's rate when it also puts each transaction id into a
 *     changelogged window store, as the ledger does
 */
public record LedgerAloneResult(LedgerWorkload workload, RateSamples.Rate ledger,
    RateSamples.Rate trivial, RateSamples.Rate trivialWithDecidedIds) {

  public double ledgerCommandsPerSecond() {
    return ledger.perSecond();
  }

  /**
   * Transfers or charges settled per second: each is two commands (the debit, then the credit leg).
   * Derived from the commands: the credit legs queue behind the pre-loaded debits, so the run settles
   * its transfers in its later part, and its measured last three quarters hold more credits than debits.
   */
  public double ledgerSettledPerSecond() {
    return ledger.perSecond() / workload.commandsPerInput();
  }

  public double trivialRecordsPerSecond() {
    return trivial.perSecond();
  }

  /** Ledger commands per trivial-app record: the same work per record (read, state, write), plus the ledger's. */
  public double ratio() {
    return ledger.perSecond() / trivial.perSecond();
  }

  /**
   * The trivial app with a decided-id store, as a share of the trivial app: the most a ledger that
   * keeps its decided ids in a store of their own can reach of the trivial app, before any of its
   * rules, events or legs.
   */
  public double decidedIdsCeiling() {
    return trivialWithDecidedIds.perSecond() / trivial.perSecond();
  }

  public String line() {
    String ledgerRate = String.format("ledger %6d commands/s", Math.round(ledger.perSecond()));
    if (workload.isTwoLegged()) {
      ledgerRate += String.format(" (%d %s settled/s, 2 commands each)", Math.round(ledgerSettledPerSecond()),
          workload.settledUnit());
    }
    return String.format("ledger-alone  %-22s %s, trivial app %6d records/s, ledger/trivial %3.0f%%"
            + " (CPU us per record, app JVM + broker: ledger %.0f + %.0f, trivial %.0f + %.0f); trivial app with"
            + " decided ids %6d records/s, %3.0f%% of the trivial app (%.0f + %.0f us)",
        workload.label(), ledgerRate, Math.round(trivial.perSecond()), 100 * ratio(), ledger.appCpuMicros(),
        ledger.brokerCpuMicros(), trivial.appCpuMicros(), trivial.brokerCpuMicros(),
        Math.round(trivialWithDecidedIds.perSecond()), 100 * decidedIdsCeiling(), trivialWithDecidedIds.appCpuMicros(),
        trivialWithDecidedIds.brokerCpuMicros());
  }
}
