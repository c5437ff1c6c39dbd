package com.kafkaledger.gateway.ledger;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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
    try {
      kafka.send(Topics.COMMANDS, command.accountId(), command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      registry.counter("ledger.gateway.commands.accepted", "type", command.type().name()).increment();
      // in the request's trace: the line carries the trace id that the command's traceparent header took along
      if (transactions.isInfoEnabled()) {
        transactions.info("accepted {} {} on account {}", command.type(), command.transactionId(),
            command.accountId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(command, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(command, e);
    }
  }

  private LedgerUnavailableException unavailable(LedgerCommand command, Exception cause) {
    registry.counter("ledger.gateway.commands.unavailable").increment();
    log.warn("Kafka did not acknowledge transaction {}: {}", command.transactionId(), cause.toString());
    return new LedgerUnavailableException("the ledger is not reachable right now", cause);
  }
}
