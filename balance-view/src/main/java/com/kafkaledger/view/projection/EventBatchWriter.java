package com.kafkaledger.view.projection;

import com.kafkaledger.events.LedgerEvent;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes one poll of events and the positions past them in one database transaction. */
@Component
class EventBatchWriter {

  private final AccountEntries entries;
  private final OwnedAccounts ownedAccounts;
  private final CounterAccounts counterAccounts;
  private final TransactionOutcomes transactions;
  private final ProjectionPositions positions;

  EventBatchWriter(AccountEntries entries, OwnedAccounts ownedAccounts, CounterAccounts counterAccounts,
      TransactionOutcomes transactions, ProjectionPositions positions) {
    this.entries = entries;
    this.ownedAccounts = ownedAccounts;
    this.counterAccounts = counterAccounts;
    this.transactions = transactions;
    this.positions = positions;
  }

  /** Idempotent: an event already in the history changes no balance again. */
  @Transactional
  public Outcome write(List<LedgerEvent> events, Map<TopicPartition, List<Long>> offsetsRead) {
    List<LedgerEvent> newEvents = entries.insertNew(events);
    ownedAccounts.apply(newEvents);
    transactions.finish(events);
    // last: the counter accounts are the rows every instance shares, so hold their locks shortest
    counterAccounts.postCounterparts(newEvents);
    positions.store(offsetsRead);
    long withHistory = events.stream().filter(event -> event.sequence() >= 1).count();
    return new Outcome(events.size(), newEvents.size(), (int) withHistory - newEvents.size());
  }

  /**
   * @param newEntries events that went into an account's history for the first time
   * @param alreadyProjected events whose history row was there already (a replay)
   */
  record Outcome(int events, int newEntries, int alreadyProjected) {}
}
