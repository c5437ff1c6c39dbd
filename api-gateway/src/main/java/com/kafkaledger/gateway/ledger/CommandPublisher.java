package com.kafkaledger.gateway.ledger;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes commands keyed by their account and returns only once the broker acknowledged them
 * (acks=all, idempotent producer): a 202 means the command is durable in the log.
 */
@Component
public class CommandPublisher {

  private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);
  /** One line per accepted command; operators silence it with logging.level.ledger.transactions=WARN. */
  private static final Logger transactions = LoggerFactory.getLogger("ledger.transactions");

  private final KafkaTemplate<String, LedgerCommand> kafka;
  private final Duration timeout;
  private final MeterRegistry registry;

  CommandPublisher(KafkaTemplate<String, LedgerCommand> kafka,
      @Value("${ledger.gateway.publish-timeout}") Duration timeout, MeterRegistry registry) {
    this.kafka = kafka;
    this.timeout = timeout;
    this.registry = registry;
  }

  public void publish(LedgerCommand command) {
    LedgerUnavailableException failure = publishAll(List.of(command)).get(0);
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Sends every command, then waits for the broker's acknowledgements under one deadline, so that a
   * batch costs one round of waiting rather than one per command.
   *
   * @return per command, in order: null once acknowledged, else why it is not accepted (it may
   *     still have reached the log; a retry with the same transaction id is safe)
   */
  public List<LedgerUnavailableException> publishAll(List<LedgerCommand> commands) {
    long deadlineNanos = System.nanoTime() + timeout.toNanos();
    List<CompletableFuture<?>> sends = new ArrayList<>(commands.size());
    for (LedgerCommand command : commands) {
      // Without the topic's metadata (Kafka unreachable) each send waits up to max.block.ms: past
      // the deadline the rest are not tried, or a batch of 500 would wait 500 times.
      sends.add(System.nanoTime() - deadlineNanos < 0 ? send(command)
          : CompletableFuture.failedFuture(new TimeoutException("not sent: the publish deadline had passed")));
    }
    List<LedgerUnavailableException> failures = new ArrayList<>(commands.size());
    for (int i = 0; i < commands.size(); i++) {
      failures.add(awaitAcknowledged(commands.get(i), sends.get(i), deadlineNanos));
    }
    return failures;
  }

  private CompletableFuture<?> send(LedgerCommand command) {
    try {
      return kafka.send(Topics.COMMANDS, command.accountId(), command);
    } catch (RuntimeException e) { // e.g. no metadata within max.block.ms
      return CompletableFuture.failedFuture(e);
    }
  }

  private LedgerUnavailableException awaitAcknowledged(LedgerCommand command, CompletableFuture<?> send,
      long deadlineNanos) {
    try {
      send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      registry.counter("ledger.gateway.commands.accepted", "type", command.type().name()).increment();
      // in the request's trace: the line carries the trace id that the command's traceparent header took along
      if (transactions.isInfoEnabled()) {
        transactions.info("accepted {} {} on account {}", command.type(), command.transactionId(),
            command.accountId());
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable(command, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return unavailable(command, e);
    }
  }

  private LedgerUnavailableException unavailable(LedgerCommand command, Exception cause) {
    registry.counter("ledger.gateway.commands.unavailable").increment();
    log.warn("Kafka did not acknowledge transaction {}: {}", command.transactionId(), cause.toString());
    return new LedgerUnavailableException("the ledger is not reachable right now", cause);
  }
}
