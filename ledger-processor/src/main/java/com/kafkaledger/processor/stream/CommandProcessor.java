package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.Decision;
import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.processor.core.ProcessedTransaction;
import java.time.Duration;
import java.time.Instant;
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
 * store, forward the event. Runs inside the stream task that owns the account's partition, so it
 * is the single writer of that account; exactly-once makes store writes and the event one atomic
 * step.
 */
final class CommandProcessor implements Processor<String, LedgerCommand, String, LedgerEvent> {

  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
  /** Tolerated clock difference between gateway instances when looking up earlier decisions. */
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private final LedgerCore core;
  private final Duration idempotencyRetention;
  private final LedgerMetrics metrics;
  private ProcessorContext<String, LedgerEvent> context;
  private KeyValueStore<String, AccountState> accounts;
  private WindowStore<String, ProcessedTransaction> processed;

  CommandProcessor(LedgerCore core, Duration idempotencyRetention, LedgerMetrics metrics) {
    this.core = core;
    this.idempotencyRetention = idempotencyRetention;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, LedgerEvent> context) {
    this.context = context;
    this.accounts = context.getStateStore(LedgerStores.ACCOUNTS);
    this.processed = context.getStateStore(LedgerStores.PROCESSED_TRANSACTIONS);
  }

  @Override
  public void process(Record<String, LedgerCommand> record) {
    LedgerCommand command = record.value();
    String refusal = CommandIntake.refusal(record.key(), command);
    if (refusal != null) {
      metrics.invalidCommand();
      log.warn("skipping command that breaks the contract: {} (key={}, transactionId={})", refusal,
          record.key(), command == null ? null : command.transactionId());
      return;
    }
    ProcessedTransaction previous = earlierDecision(command.transactionId(), record.timestamp());
    Decision decision = core.decide(accounts.get(command.accountId()), previous, command,
        Instant.ofEpochMilli(context.currentSystemTimeMs()));
    if (decision.duplicate()) {
      metrics.duplicate();
      log.info("transaction {} already decided, ignoring the repeat{}", command.transactionId(),
          previous.fingerprint() != null && !previous.fingerprint().equals(command.fingerprint())
              ? " (its body differs from the first one)" : "");
      return;
    }
    if (decision.account() != null) {
      accounts.put(command.accountId(), decision.account());
    }
    processed.put(command.transactionId(), decision.processed(command.fingerprint()), record.timestamp());
    LedgerEvent event = decision.event();
    metrics.outcome(event);
    log.debug("transaction {} on account {}: {} {}", event.transactionId(), event.accountId(),
        event.type(), event.reason() == null ? "" : event.reason());
    context.forward(new Record<>(event.accountId(), event, record.timestamp(), record.headers()));
  }

  private ProcessedTransaction earlierDecision(String transactionId, long timestamp) {
    long from = timestamp - idempotencyRetention.toMillis();
    long to = timestamp + CLOCK_SKEW.toMillis();
    try (WindowStoreIterator<ProcessedTransaction> found = processed.fetch(transactionId, from, to)) {
      return found.hasNext() ? found.next().value : null;
    }
  }
}
