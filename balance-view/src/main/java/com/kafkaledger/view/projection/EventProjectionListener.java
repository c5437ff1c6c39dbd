package com.kafkaledger.view.projection;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.Topics;
import com.kafkaledger.events.TraceParent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/** Projects {@link Topics#EVENTS} into the database, one poll per database transaction. */
@Component
class EventProjectionListener implements ConsumerSeekAware {

  static final String LISTENER_ID = "ledger-events-projection";
  private static final Logger log = LoggerFactory.getLogger(EventProjectionListener.class);
  /** One line per projected event; operators silence it with logging.level.ledger.transactions=WARN. */
  private static final Logger transactions = LoggerFactory.getLogger("ledger.transactions");

  private final EventBatchWriter writer;
  private final ProjectionPositions positions;
  private final ProjectionMetrics metrics;

  EventProjectionListener(EventBatchWriter writer, ProjectionPositions positions, ProjectionMetrics metrics) {
    this.writer = writer;
    this.positions = positions;
    this.metrics = metrics;
  }

  @Override
  public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    positions.seekToStored(assignments.keySet(), callback);
  }

  @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.EVENTS,
      containerFactory = ProjectionKafkaConfiguration.EVENTS_CONTAINER_FACTORY)
  public void project(List<ConsumerRecord<String, LedgerEvent>> records, Consumer<?, ?> consumer) {
    PolledBatch<LedgerEvent> batch = PolledBatch.of(records, ContractChecks::checkEvent);
    long startNanos = System.nanoTime();
    EventBatchWriter.Outcome outcome;
    try {
      outcome = writer.write(batch.values(), batch.offsetsRead());
    } catch (RuntimeException e) {
      metrics.eventBatchFailed();
      log.warn("Could not store {} events, trying them again: {}", records.size(), e.toString());
      throw e; // to the container's error handler, which tries the same records again
    }
    Duration writeTime = Duration.ofNanos(System.nanoTime() - startNanos);
    metrics.eventBatch(outcome, batch.skipped(), writeTime);
    metrics.eventsStored(records, consumer);
    log.debug("Projected {} events: {} new in history, {} already projected, {} skipped, in {} ms;"
            + " next offsets {}", records.size(), outcome.newEntries(), outcome.alreadyProjected(),
        batch.skipped(), writeTime.toMillis(), batch.nextOffsets());
    if (transactions.isInfoEnabled()) {
      logProjected(records, batch.values());
    }
  }

  /** After the commit: one line per event, with the trace id of the record it came in. */
  private static void logProjected(List<ConsumerRecord<String, LedgerEvent>> records, List<LedgerEvent> projected) {
    int next = 0;
    for (ConsumerRecord<String, LedgerEvent> record : records) {
      // the projected values are the usable records' own values, in their order; the rest were skipped
      if (next == projected.size() || record.value() != projected.get(next)) {
        continue;
      }
      next++;
      LedgerEvent event = record.value();
      boolean traced = TraceParent.putInMdc(record.headers());
      try {
        transactions.info("projected {} {} on account {}: {}{}", event.transactionType(), event.transactionId(),
            event.accountId(), event.type(), event.reason() == null ? "" : " " + event.reason());
      } finally {
        TraceParent.clearMdc(traced);
      }
    }
  }
}
