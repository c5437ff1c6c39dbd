package com.kafkaledger.view.projection;

import com.kafkaledger.events.LedgerCommand;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes one poll of commands and the positions past them in one database transaction. */
@Component
class PendingTransactionWriter {

  private final PendingTransactions pendingTransactions;
  private final ProjectionPositions positions;

  PendingTransactionWriter(PendingTransactions pendingTransactions, ProjectionPositions positions) {
    this.pendingTransactions = pendingTransactions;
    this.positions = positions;
  }

  /** Returns how many commands opened a transaction. */
  @Transactional
  public int write(List<LedgerCommand> commands, Map<TopicPartition, List<Long>> offsetsRead) {
    int recorded = pendingTransactions.record(commands);
    positions.store(offsetsRead);
    return recorded;
  }
}
