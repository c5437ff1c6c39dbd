package com.kafkaledger.view.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** How much the projection does; the consumers' lag comes with the Kafka client metrics. */
@Component
class ProjectionMetrics {

  private final Counter newEntries;
  private final Counter outcomesOnly;
  private final Counter alreadyProjected;
  private final Counter eventsSkipped;
  private final Counter commandsRecorded;
  private final Counter commandsSkipped;
  private final Timer eventBatches;

  ProjectionMetrics(MeterRegistry registry) {
    String events = "balance.view.events.projected";
    newEntries = counter(registry, events, "new", "events added to an account's history");
    outcomesOnly = counter(registry, events, "outcome-only", "rejections for no account: a transaction outcome only");
    alreadyProjected = counter(registry, events, "already-projected", "replayed events that changed nothing");
    eventsSkipped = counter(registry, events, "skipped", "unreadable events, logged and skipped");
    String commands = "balance.view.commands.recorded";
    commandsRecorded = counter(registry, commands, "recorded", "commands recorded as pending transactions");
    commandsSkipped = counter(registry, commands, "skipped", "unreadable commands, logged and skipped");
    eventBatches = Timer.builder("balance.view.events.batch")
        .description("time to write one poll of events to the database")
        .register(registry);
  }

  void eventBatch(EventBatchWriter.Outcome outcome, int skipped, Duration writeTime) {
    newEntries.increment(outcome.newEntries());
    outcomesOnly.increment(outcome.events() - outcome.newEntries() - outcome.alreadyProjected());
    alreadyProjected.increment(outcome.alreadyProjected());
    eventsSkipped.increment(skipped);
    eventBatches.record(writeTime);
  }

  void commandBatch(int recorded, int skipped) {
    commandsRecorded.increment(recorded);
    commandsSkipped.increment(skipped);
  }

  private static Counter counter(MeterRegistry registry, String name, String result, String description) {
    return Counter.builder(name).tag("result", result).description(description).register(registry);
  }
}
