package com.kafkaledger.processor.stream;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.Leg;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the ledger decided, as Micrometer counters. */
public final class LedgerMetrics {

  private final MeterRegistry registry;
  private final Counter duplicates;
  private final Counter processed;
  private final Counter storeLookups;
  private final Counter legsUnderAcceptedKey;
  private final Map<OutcomeKind, Counter> outcomes = new ConcurrentHashMap<>();
  private final Map<LegKind, Counter> legs = new ConcurrentHashMap<>();

  public LedgerMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duplicates = Counter.builder("ledger.commands.duplicates")
        .description("Commands whose transaction was already decided; they changed nothing")
        .register(registry);
    this.processed = Counter.builder("ledger.commands.processed")
        .description("Records of the commands topic the ledger processed, whatever came of them;"
            + " its rate is the ledger's processing rate")
        .register(registry);
    this.storeLookups = Counter.builder("ledger.commands.store-lookups")
        .description("Look-ups of an earlier decision that reached the processed-transactions store:"
            + " the in-memory filters said maybe (a repeat, or by chance: about one in a thousand per"
            + " 131,072 ids the task has decided), or the"
            + " command's time lies beyond what they cover")
        .register(registry);
    this.legsUnderAcceptedKey = Counter.builder("ledger.legs.accepted-key")
        .description("CREDIT and REVERSAL legs read whose signature was made with one of the accepted keys,"
            + " not this instance's signing key: during a key rotation, legs signed with the other key")
        .register(registry);
  }

  void legUnderAcceptedKey() {
    legsUnderAcceptedKey.increment();
  }

  void storeLookup() {
    storeLookups.increment();
  }

  void processed() {
    processed.increment();
  }

  void outcome(LedgerEvent event) {
    // looked up once per kind of outcome: a builder per event showed in the stream thread's profile
    outcomes.computeIfAbsent(new OutcomeKind(event.transactionType(), event.type(), event.reason()),
        kind -> Counter.builder("ledger.outcomes")
            .description("Decided commands by transaction type, event type and rejection reason")
            .tag("transactionType", kind.transactionType().name())
            .tag("type", kind.type().name())
            .tag("reason", kind.reason() == null ? "none" : kind.reason().name())
            .register(registry))
        .increment();
  }

  private record OutcomeKind(CommandType transactionType, EventType type, RejectionReason reason) {}

  /** A credit leg after a debit, or a reversal after a failed credit; one per transfer. */
  void followUp(LedgerCommand next) {
    legs.computeIfAbsent(new LegKind(next.leg(), next.reason()),
        kind -> Counter.builder("ledger.transfers.legs")
            .description("Legs the ledger sent on: CREDIT after a debit, REVERSAL after a failed credit")
            .tag("leg", kind.leg().name())
            .tag("reason", kind.reason() == null ? "none" : kind.reason().name())
            .register(registry))
        .increment();
  }

  private record LegKind(Leg leg, RejectionReason reason) {}

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
