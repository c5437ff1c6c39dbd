package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.CommandRules;
import com.kafkaledger.processor.core.Decision;
import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.processor.core.ProcessedTransaction;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin adapter around {@link LedgerCore}: load the account and the earlier decision, decide,
 * store, send the event and the next leg. Runs inside the stream task that owns the account's
 * partition, so it is the single writer of that account; exactly-once makes the store writes and
 * everything sent one atomic step.
 */
final class CommandProcessor implements Processor<String, LedgerCommand, String, Object> {

  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
  /** Tolerated clock difference between gateway instances when looking up earlier decisions. */
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private final LedgerCore core;
  private final Duration idempotencyRetention;
  private final Duration totalsInterval;
  private final LedgerMetrics metrics;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, AccountState> accounts;
  private WindowStore<String, ProcessedTransaction> processed;
  private PartitionTotals totals;

  CommandProcessor(LedgerCore core, Duration idempotencyRetention, Duration totalsInterval,
      LedgerMetrics metrics) {
    this.core = core;
    this.idempotencyRetention = idempotencyRetention;
    this.totalsInterval = totalsInterval;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.accounts = context.getStateStore(LedgerStores.ACCOUNTS);
    this.processed = context.getStateStore(LedgerStores.PROCESSED_TRANSACTIONS);
    this.totals = new PartitionTotals(context.taskId().partition(), context.getStateStore(LedgerStores.TOTALS));
    context.schedule(totalsInterval, PunctuationType.WALL_CLOCK_TIME,
        now -> totals.publish(Instant.ofEpochMilli(now), this::send));
  }

  @Override
  public void process(Record<String, LedgerCommand> record) {
    LedgerCommand command = record.value();
    String refusal = refusal(record.key(), command);
    if (refusal != null) {
      metrics.invalidCommand();
      log.warn("skipping command that breaks the contract: {} (key={}, transactionId={})", refusal,
          record.key(), command == null ? null : command.transactionId());
      return;
    }
    ProcessedTransaction previous = earlierDecision(command.deduplicationKey(), record.timestamp());
    Decision decision = core.decide(accounts.get(command.accountId()), previous, command,
        Instant.ofEpochMilli(context.currentSystemTimeMs()));
    if (decision.duplicate()) {
      metrics.duplicate();
      log.info("{} already decided, ignoring the repeat{}", command.deduplicationKey(),
          previous.fingerprint() != null && !previous.fingerprint().equals(command.fingerprint())
              ? " (its body differs from the first one)" : "");
      return;
    }
    store(command, decision, record.timestamp());
    if (decision.event() != null) {
      totals.add(decision.event());
      metrics.outcome(decision.event());
      send(record.withKey(command.accountId()).withValue(decision.event()));
    }
    if (decision.followUp() != null) {
      metrics.followUp(decision.followUp());
      send(record.withKey(decision.followUp().accountId()).withValue(decision.followUp()));
    }
  }

  private void store(LedgerCommand command, Decision decision, long timestamp) {
    if (decision.account() != null) {
      accounts.put(command.accountId(), decision.account());
    }
    processed.put(command.deduplicationKey(), decision.processed(command), timestamp);
    LedgerEvent event = decision.event();
    if (event != null) {
      log.debug("transaction {} on account {}: {} {}", event.transactionId(), event.accountId(),
          event.type(), event.reason() == null ? "" : event.reason());
    }
  }

  private void send(Record<String, Object> outbound) {
    context.forward(outbound);
  }

  private static String refusal(String key, LedgerCommand command) {
    if (command == null) {
      return "no command";
    }
    if (!command.accountId().equals(key)) {
      return "record key " + key + " is not the command's account " + command.accountId();
    }
    return CommandRules.refusal(command);
  }

  private ProcessedTransaction earlierDecision(String deduplicationKey, long timestamp) {
    long from = timestamp - idempotencyRetention.toMillis();
    long to = timestamp + CLOCK_SKEW.toMillis();
    try (WindowStoreIterator<ProcessedTransaction> found = processed.fetch(deduplicationKey, from, to)) {
      return found.hasNext() ? found.next().value : null;
    }
  }
}
