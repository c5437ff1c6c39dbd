package com.kafkaledger.processor.core;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the core the way the stream tasks do: state and decided commands kept in maps, and the
 * legs the core sends on held in flight until {@link #deliver} hands them back, in any order.
 */
final class LedgerSimulation {

  final LedgerCore core;
  final Map<String, AccountState> accounts = new HashMap<>();
  final Map<String, ProcessedTransaction> processed = new HashMap<>();
  final List<LedgerEvent> events = new ArrayList<>();
  final List<LedgerCommand> inFlight = new ArrayList<>();
  private long clockMillis = 1_700_000_000_000L;

  LedgerSimulation(long defaultOverdraftLimit) {
    core = new LedgerCore(defaultOverdraftLimit);
  }

  Decision apply(LedgerCommand command) {
    Decision decision = core.decide(accounts.get(command.accountId()),
        processed.get(command.deduplicationKey()), command, Instant.ofEpochMilli(clockMillis++));
    if (!decision.duplicate()) {
      if (decision.account() != null) {
        accounts.put(command.accountId(), decision.account());
      }
      processed.put(command.deduplicationKey(), decision.processed(command));
      if (decision.event() != null) {
        events.add(decision.event());
      }
      if (decision.followUp() != null) {
        inFlight.add(decision.followUp());
      }
    }
    return decision;
  }

  /** Delivers the in-flight leg at {@code index}; returns it so a test can deliver it again. */
  LedgerCommand deliver(int index) {
    LedgerCommand leg = inFlight.remove(index);
    apply(leg);
    return leg;
  }

  /** Delivers every leg in flight, and the legs those send on, until nothing is in flight. */
  void settle() {
    while (!inFlight.isEmpty()) {
      deliver(0);
    }
  }
}
