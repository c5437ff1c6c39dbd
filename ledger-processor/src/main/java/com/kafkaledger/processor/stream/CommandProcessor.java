package com.kafkaledger.processor.stream;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.Leg;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.Topics;
import com.kafkaledger.events.TraceParent;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.CommandRules;
import com.kafkaledger.processor.core.Decision;
import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.processor.core.ProcessedTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
 *
 * <p>It reads the commands as bytes and deserialises them itself, so that a record it cannot use
 * is one more outcome of the same transaction (a {@link DeadLetter}) rather than an exception
 * that stops the partition or a record silently skipped.
 */
final class CommandProcessor implements Processor<String, byte[], String, Object> {

  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
  /** One line per decided command; operators silence it with logging.level.ledger.transactions=WARN. */
  private static final Logger transactions = LoggerFactory.getLogger("ledger.transactions");
  /** Tolerated clock difference between gateway instances when looking up earlier decisions. */
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);
  private static final JsonSerde<LedgerCommand> COMMANDS = JsonSerde.commands();

  private final LedgerCore core;
  private final Duration idempotencyRetention;
  private final long decidedIdsPerTask;
  private final int decidedIdsPerFilter;
  private final Duration totalsInterval;
  private final LegSignatures signatures;
  private final LedgerMetrics metrics;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, AccountState> accounts;
  private WindowStore<String, ProcessedTransaction> processed;
  private DecidedIds decidedIds;
  private PartitionTotals totals;

  CommandProcessor(LedgerCore core, LedgerTopology.Settings settings, int decidedIdsPerFilter,
      LegSignatures signatures, LedgerMetrics metrics) {
    this.core = core;
    this.idempotencyRetention = settings.idempotencyRetention();
    this.decidedIdsPerTask = settings.decidedIdsPerTask();
    this.decidedIdsPerFilter = decidedIdsPerFilter;
    this.totalsInterval = settings.totalsInterval();
    this.signatures = signatures;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.accounts = context.getStateStore(LedgerStores.ACCOUNTS);
    this.processed = context.getStateStore(LedgerStores.PROCESSED_TRANSACTIONS);
    this.decidedIds = readDecidedIds();
    this.totals = new PartitionTotals(context.taskId().partition(), context.getStateStore(LedgerStores.TOTALS));
    context.schedule(totalsInterval, PunctuationType.WALL_CLOCK_TIME,
        now -> totals.publish(Instant.ofEpochMilli(now), this::send));
  }

  /**
   * With the trace context of the command's {@code traceparent} header in the MDC, so that every
   * log line about it carries the gateway's trace id. The header itself goes on, untouched, with
   * every record sent for the command. No span per record: one header parsed is all it costs.
   */
  @Override
  public void process(Record<String, byte[]> record) {
    boolean traced = TraceParent.putInMdc(record.headers());
    try {
      handle(record);
    } finally {
      TraceParent.clearMdc(traced);
    }
  }

  private void handle(Record<String, byte[]> record) {
    metrics.processed();
    LedgerCommand command;
    try {
      command = COMMANDS.deserialize(Topics.COMMANDS, record.value());
    } catch (SerializationException unreadable) {
      sendToDeadLetter(record, DeadLetter.Cause.UNREADABLE, unreadable.getMessage());
      return;
    }
    if (command == null) {
      sendToDeadLetter(record, DeadLetter.Cause.UNREADABLE, "no command in the record");
      return;
    }
    if (!command.accountId().equals(record.key())) {
      sendToDeadLetter(record, DeadLetter.Cause.WRONG_KEY,
          "record key " + record.key() + " is not the command's account " + command.accountId());
      return;
    }
    String brokenRule = CommandRules.refusal(command);
    if (brokenRule != null) {
      sendToDeadLetter(record, DeadLetter.Cause.BREAKS_CONTRACT, brokenRule);
      return;
    }
    if (isLaterLeg(command)) {
      LegSignatures.Signer signer = signatures.signer(command, record.headers());
      if (signer == LegSignatures.Signer.NONE) {
        sendToDeadLetter(record, DeadLetter.Cause.FORGED_LEG,
            command.leg() + " leg of " + command.transactionId() + " without the ledger's signature");
        return;
      }
      if (signer == LegSignatures.Signer.ACCEPTED_KEY) {
        metrics.legUnderAcceptedKey();
      }
    }
    decide(record, command);
  }

  private void decide(Record<String, byte[]> record, LedgerCommand command) {
    ProcessedTransaction previous = earlierDecision(command.deduplicationKey(), record.timestamp());
    Decision decision;
    try {
      decision = core.decide(accounts.get(command.accountId()), previous, command,
          Instant.ofEpochMilli(context.currentSystemTimeMs()));
    } catch (ArithmeticException overflow) {
      // Thrown again at every retry, it would stop the partition for good.
      sendToDeadLetter(record, DeadLetter.Cause.REVERSAL_OVERFLOW, command.leg() + " leg of "
          + command.transactionId() + " would take account " + command.accountId() + " past 2^63 - 1");
      return;
    }
    if (decision.duplicate()) {
      metrics.duplicate();
      log.info("{} already decided, ignoring the repeat{}", command.deduplicationKey(),
          previous.fingerprint() != null && !previous.fingerprint().equals(command.fingerprint())
              ? " (its body differs from the first one)" : "");
      return;
    }
    store(command, decision, record.timestamp());
    logDecision(command, decision);
    if (decision.event() != null) {
      totals.add(decision.event());
      metrics.outcome(decision.event());
      send(record.withKey(command.accountId()).withValue(decision.event()));
    }
    LedgerCommand next = decision.followUp();
    if (next != null) {
      metrics.followUp(next);
      Headers headers = new RecordHeaders(record.headers().toArray()); // keeps the trace context
      signatures.sign(next, headers);
      send(new Record<>(next.accountId(), next, record.timestamp(), headers));
    }
  }

  /**
   * Passes the record on, unchanged, to the dead-letter topic with why and where it came from,
   * in the same transaction as the offset commit: the partition keeps flowing and nothing is lost.
   */
  private void sendToDeadLetter(Record<String, byte[]> record, DeadLetter.Cause cause, String reason) {
    DeadLetter deadLetter = new DeadLetter(cause, reason, record.value());
    String source = context.recordMetadata()
        .map(metadata -> metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset())
        .orElse("an unknown position");
    metrics.deadLettered(cause);
    log.warn("sending the command at {} (key={}) to {}, {}: {}", source, record.key(),
        Topics.COMMANDS_DEAD_LETTER, cause, deadLetter.reason());
    send(new Record<>(record.key(), deadLetter, record.timestamp(),
        deadLetterHeaders(record.headers(), deadLetter.reason())));
  }

  /**
   * The record's own headers (its trace context) and why and where it came from, replacing those
   * of an earlier trip if someone replayed a dead letter that still cannot be used.
   */
  private Headers deadLetterHeaders(Headers original, String reason) {
    Headers headers = new RecordHeaders(original.toArray());
    replace(headers, Topics.DEAD_LETTER_REASON_HEADER, reason);
    context.recordMetadata().ifPresent(source -> {
      replace(headers, DeadLetter.SOURCE_TOPIC_HEADER, source.topic());
      replace(headers, DeadLetter.SOURCE_PARTITION_HEADER, String.valueOf(source.partition()));
      replace(headers, DeadLetter.SOURCE_OFFSET_HEADER, String.valueOf(source.offset()));
    });
    return headers;
  }

  private static void replace(Headers headers, String name, String value) {
    headers.remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** CREDIT and REVERSAL legs come only from the ledger itself. */
  private static boolean isLaterLeg(LedgerCommand command) {
    return command.leg() == Leg.CREDIT || command.leg() == Leg.REVERSAL;
  }

  private void store(LedgerCommand command, Decision decision, long timestamp) {
    if (decision.account() != null) {
      accounts.put(command.accountId(), decision.account());
    }
    processed.put(command.deduplicationKey(), decision.processed(command), timestamp);
    decidedIds.add(command.deduplicationKey(), timestamp);
  }

  private static void logDecision(LedgerCommand command, Decision decision) {
    if (!transactions.isInfoEnabled()) {
      return;
    }
    LedgerEvent event = decision.event();
    LedgerCommand next = decision.followUp();
    transactions.info("decided {} {} on account {}: {}{}{}", command.type(), command.deduplicationKey(),
        command.accountId(), event == null ? "no event" : event.type(),
        event == null || event.reason() == null ? "" : " " + event.reason(),
        next == null ? "" : ", next the " + next.leg() + " leg on account " + next.accountId());
  }

  private void send(Record<String, Object> outbound) {
    context.forward(outbound);
  }

  /**
   * Streams initialises the processor after it has restored the task's stores, and again after
   * any restore: what the store holds now is everything an earlier decision can be found in.
   */
  private DecidedIds readDecidedIds() {
    long started = System.nanoTime();
    DecidedIds ids = new DecidedIds(idempotencyRetention.plus(CLOCK_SKEW).toMillis(), decidedIdsPerTask,
        decidedIdsPerFilter);
    try (KeyValueIterator<Windowed<String>, ProcessedTransaction> all = processed.all()) {
      all.forEachRemaining(entry -> ids.add(entry.key.key(), entry.key.window().start()));
    }
    log.info("task {}: {} decided transaction ids read from {} in {} ms", context.taskId(), ids.keys(),
        LedgerStores.PROCESSED_TRANSACTIONS, (System.nanoTime() - started) / 1_000_000);
    return ids;
  }

  /**
   * The store is asked only when the filters say the id may have been decided, or for the part of
   * the time range they no longer cover.
   */
  private ProcessedTransaction earlierDecision(String deduplicationKey, long timestamp) {
    long from = timestamp - idempotencyRetention.toMillis();
    long to = timestamp + CLOCK_SKEW.toMillis();
    if (!decidedIds.mightContain(deduplicationKey, from)) {
      if (from > decidedIds.forgottenUpTo()) {
        return null;
      }
      to = Math.min(to, decidedIds.forgottenUpTo());
    }
    metrics.storeLookup();
    try (WindowStoreIterator<ProcessedTransaction> found = processed.fetch(deduplicationKey, from, to)) {
      return found.hasNext() ? found.next().value : null;
    }
  }
}
