package com.kafkaledger.view.projection;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** How much the projection does; the consumers' lag comes with the Kafka client metrics. */
@Component
class ProjectionMetrics {

  private final Counter newEntries;
  private final Counter outcomesOnly;
  private final Counter alreadyProjected;
  private final Counter eventsSkipped;
  private final Counter commandsRecorded;
  private final Counter commandsOfLaterLegs;
  private final Counter commandsSkipped;
  private final Timer eventBatches;
  private final Counter eventBatchFailures;
  private final Counter commandBatchFailures;
  private final Counter totalsStored;
  private final Counter totalsSkipped;
  private final Counter totalsBatchFailures;
  private final Map<CommandType, Timer> outcomeLatency = new EnumMap<>(CommandType.class);
  private volatile long eventsBehind;
  private volatile long lastProjectedTimestamp;

  ProjectionMetrics(MeterRegistry registry) {
    for (CommandType type : CommandType.values()) {
      outcomeLatency.put(type, Timer.builder("balance.view.outcome.latency")
          .description("from the gateway's publish of a command to its outcome stored in the view")
          .tag("transactionType", type.name())
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofMinutes(1))
          .register(registry));
    }
    Gauge.builder("balance.view.lag.events", () -> eventsBehind)
        .description("events on the ledger's event topic the view has not projected yet")
        .register(registry);
    Gauge.builder("balance.view.lag.seconds", this::secondsBehind)
        .description("age of the newest projected event while the view is behind; 0 when caught up")
        .register(registry);
    String events = "balance.view.events.projected";
    newEntries = counter(registry, events, "new", "events added to an account's history");
    outcomesOnly = counter(registry, events, "outcome-only", "rejections for no account: a transaction outcome only");
    alreadyProjected = counter(registry, events, "already-projected", "replayed events that changed nothing");
    eventsSkipped = counter(registry, events, "skipped", "unreadable events, logged and skipped");
    String commands = "balance.view.commands.recorded";
    commandsRecorded = counter(registry, commands, "recorded", "commands recorded as pending transactions");
    commandsOfLaterLegs = counter(registry, commands, "later-leg",
        "credit and reversal legs, which belong to a transaction their debit opened");
    commandsSkipped = counter(registry, commands, "skipped", "unreadable commands, logged and skipped");
    eventBatches = Timer.builder("balance.view.events.batch")
        .description("time to write one poll of events to the database")
        .register(registry);
    eventBatchFailures = failures(registry, Topics.EVENTS);
    commandBatchFailures = failures(registry, Topics.COMMANDS);
    String totals = "balance.view.totals.read";
    totalsStored = counter(registry, totals, "stored", "the ledger's totals records read and stored");
    totalsSkipped = counter(registry, totals, "skipped", "unreadable totals records, logged and skipped");
    totalsBatchFailures = failures(registry, Topics.TOTALS);
  }

  void eventBatch(EventBatchWriter.Outcome outcome, int skipped, Duration writeTime) {
    newEntries.increment(outcome.newEntries());
    outcomesOnly.increment(outcome.events() - outcome.newEntries() - outcome.alreadyProjected());
    alreadyProjected.increment(outcome.alreadyProjected());
    eventsSkipped.increment(skipped);
    eventBatches.record(writeTime);
  }

  /**
   * After a poll is stored: how long each outcome took to become visible (an event's timestamp is
   * its command's publish time, kept by the ledger), and how far behind the log's end the view is.
   */
  void eventsStored(List<ConsumerRecord<String, LedgerEvent>> records, Consumer<?, ?> consumer) {
    long now = System.currentTimeMillis();
    for (ConsumerRecord<String, LedgerEvent> record : records) {
      LedgerEvent event = record.value();
      if (event != null && event.transactionType() != null
          && event.type() != EventType.TRANSFER_DEBITED) { // a debit is not an outcome
        outcomeLatency.get(event.transactionType()).record(Duration.ofMillis(Math.max(0, now - record.timestamp())));
      }
    }
    if (!records.isEmpty()) {
      lastProjectedTimestamp = records.get(records.size() - 1).timestamp();
    }
    eventsBehind = consumer.assignment().stream()
        .mapToLong(partition -> consumer.currentLag(partition).orElse(0))
        .sum();
  }

  private double secondsBehind() {
    return eventsBehind == 0 ? 0 : Math.max(0, System.currentTimeMillis() - lastProjectedTimestamp) / 1000.0;
  }

  void eventBatchFailed() {
    eventBatchFailures.increment();
  }

  void commandBatchFailed() {
    commandBatchFailures.increment();
  }

  void totalsBatch(int stored, int skipped) {
    totalsStored.increment(stored);
    totalsSkipped.increment(skipped);
  }

  void totalsBatchFailed() {
    totalsBatchFailures.increment();
  }

  void commandBatch(int recorded, int laterLegs, int skipped) {
    commandsRecorded.increment(recorded);
    commandsOfLaterLegs.increment(laterLegs);
    commandsSkipped.increment(skipped);
  }

  /** A projection stuck on a database problem shows as this counter rising. */
  private static Counter failures(MeterRegistry registry, String topic) {
    return Counter.builder("balance.view.batch.failures").tag("topic", topic)
        .description("polls the database refused; each is tried again until stored")
        .register(registry);
  }

  private static Counter counter(MeterRegistry registry, String name, String result, String description) {
    return Counter.builder(name).tag("result", result).description(description).register(registry);
  }
}
