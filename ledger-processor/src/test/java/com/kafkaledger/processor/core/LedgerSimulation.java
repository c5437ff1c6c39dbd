package com.kafkaledger.processor.core;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives the core the way the stream processor does: state and processed ids kept in maps. */
final class LedgerSimulation {

  final LedgerCore core;
  final Map<String, AccountState> accounts = new HashMap<>();
  final Map<String, ProcessedTransaction> processed = new HashMap<>();
  final List<LedgerEvent> events = new ArrayList<>();
  private long clockMillis = 1_700_000_000_000L;

  LedgerSimulation(long defaultOverdraftLimit) {
    core = new LedgerCore(defaultOverdraftLimit);
  }

  Decision apply(LedgerCommand command) {
    Decision decision = core.decide(accounts.get(command.accountId()),
        processed.get(command.transactionId()), command, Instant.ofEpochMilli(clockMillis++));
    if (!decision.duplicate()) {
      if (decision.account() != null) {
        accounts.put(command.accountId(), decision.account());
      }
      processed.put(command.transactionId(), decision.processed(command.fingerprint()));
      events.add(decision.event());
    }
    return decision;
  }
}
