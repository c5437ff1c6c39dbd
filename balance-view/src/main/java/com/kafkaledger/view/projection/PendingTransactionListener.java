package com.kafkaledger.view.projection;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Records each accepted command on {@link Topics#COMMANDS} as a PENDING transaction. Its
 * positions live in the database too, so that a rebuilt view has the fingerprints back.
 */
@Component
class PendingTransactionListener implements ConsumerSeekAware {

  static final String LISTENER_ID = "ledger-commands-pending";
  private static final Logger log = LoggerFactory.getLogger(PendingTransactionListener.class);

  private final PendingTransactionWriter writer;
  private final ProjectionPositions positions;
  private final ProjectionMetrics metrics;

  PendingTransactionListener(PendingTransactionWriter writer, ProjectionPositions positions,
      ProjectionMetrics metrics) {
    this.writer = writer;
    this.positions = positions;
    this.metrics = metrics;
  }

  @Override
  public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    positions.seekToStored(assignments.keySet(), callback);
  }

  // Its own group, so that a rebalance of one topic's consumers does not stop the other's.
  @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.COMMANDS,
      groupId = "${spring.kafka.consumer.group-id}-commands",
      containerFactory = ProjectionKafkaConfiguration.COMMANDS_CONTAINER_FACTORY)
  public void record(List<ConsumerRecord<String, LedgerCommand>> records) {
    PolledBatch<LedgerCommand> batch = PolledBatch.of(records, ContractChecks::checkCommand);
    int recorded;
    try {
      recorded = writer.write(batch.values(), batch.offsetsRead());
    } catch (RuntimeException e) {
      metrics.commandBatchFailed();
      log.warn("Could not store {} commands, trying them again: {}", records.size(), e.toString());
      throw e; // to the container's error handler, which tries the same records again
    }
    int laterLegs = batch.values().size() - recorded;
    metrics.commandBatch(recorded, laterLegs, batch.skipped());
    log.debug("Recorded {} commands as pending, {} later legs left to the events, {} skipped; next offsets {}",
        recorded, laterLegs, batch.skipped(), batch.nextOffsets());
  }
}
