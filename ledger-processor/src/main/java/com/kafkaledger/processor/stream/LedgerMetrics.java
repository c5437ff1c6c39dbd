package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the ledger decided, as Micrometer counters. */
public final class LedgerMetrics {

  private final MeterRegistry registry;
  private final Counter duplicates;
  private final Counter processed;

  public LedgerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duplicates = Counter.builder("ledger.commands.duplicates")
        .description("Commands whose transaction was already decided; they changed nothing")
        .register(registry);
    this.processed = Counter.builder("ledger.commands.processed")
        .description("Records of the commands topic the ledger processed, whatever came of them;"
            + " its rate is the ledger's processing rate")
        .register(registry);
  }

  void processed() {
    processed.increment();
  }

  void outcome(LedgerEvent event) {
    Counter.builder("ledger.outcomes")
        .description("Decided commands by transaction type, event type and rejection reason")
        .tag("transactionType", event.transactionType().name())
        .tag("type", event.type().name())
        .tag("reason", event.reason() == null ? "none" : event.reason().name())
        .register(registry)
        .increment();
  }

  /** A credit leg after a debit, or a reversal after a failed credit. */
  void followUp(com.kafkaledger.events.LedgerCommand next) {
    Counter.builder("ledger.transfers.legs")
        .description("Legs the ledger sent on: CREDIT after a debit, REVERSAL after a failed credit")
        .tag("leg", next.leg().name())
        .tag("reason", next.reason() == null ? "none" : next.reason().name())
        .register(registry)
        .increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  /** A record of the commands topic the ledger could not use, passed on to the dead-letter topic. */
  void deadLettered(DeadLetter.Cause cause) {
    Counter.builder("ledger.commands.dead-lettered")
        .description("Records of the commands topic sent to the dead-letter topic, by cause")
        .tag("reason", cause.name())
        .register(registry)
        .increment();
  }
}
