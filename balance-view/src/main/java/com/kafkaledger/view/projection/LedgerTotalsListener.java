package com.kafkaledger.view.projection;

import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger's latest totals from {@link Topics#TOTALS}, for the reconciliation. Unlike the
 * projection it resumes at the consumer group's positions: the topic is compacted and each record
 * replaces the last of its key, so reading one twice, or from the start, changes nothing.
 */
@Component
class LedgerTotalsListener {

  static final String LISTENER_ID = "ledger-totals";
  private static final Logger log = LoggerFactory.getLogger(LedgerTotalsListener.class);

  private final LedgerTotalsTable totals;
  private final ProjectionMetrics metrics;

  LedgerTotalsListener(LedgerTotalsTable totals, ProjectionMetrics metrics) {
    this.totals = totals;
    this.metrics = metrics;
  }

  @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.TOTALS,
      groupId = "${spring.kafka.consumer.group-id}-totals",
      containerFactory = ProjectionKafkaConfiguration.TOTALS_CONTAINER_FACTORY)
  public void store(List<ConsumerRecord<String, LedgerTotals>> records) {
    PolledBatch<LedgerTotals> batch = PolledBatch.of(records, ContractChecks::checkTotals);
    try {
      totals.store(batch.values());
    } catch (RuntimeException e) {
      metrics.totalsBatchFailed();
      log.warn("Could not store {} totals records, trying them again: {}", records.size(), e.toString());
      throw e; // to the container's error handler, which tries the same records again
    }
    metrics.totalsBatch(batch.values().size(), batch.skipped());
    log.debug("Stored {} totals records, {} skipped", batch.values().size(), batch.skipped());
  }
}
