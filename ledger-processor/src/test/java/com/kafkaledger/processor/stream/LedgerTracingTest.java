package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.Topics;
import com.kafkaledger.events.TraceParent;
import com.kafkaledger.processor.core.LedgerCore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The gateway's trace context goes with every record the ledger writes for a command, and into its logs. */
class LedgerTracingTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

  @TempDir
  Path stateDirectory;
  private TopologyTestDriver driver;
  private TestInputTopic<String, LedgerCommand> commands;
  private TestOutputTopic<String, LedgerEvent> events;
  private TestOutputTopic<String, LedgerCommand> legs;
  private final String source = UUID.randomUUID().toString();
  private final String destination = UUID.randomUUID().toString();
  private final Logger transactionLog = (Logger) LoggerFactory.getLogger("ledger.transactions");
  private final List<String[]> logged = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      logged.add(new String[] {event.getFormattedMessage(), event.getMDCPropertyMap().get("traceId")});
    }
  };

  @BeforeEach
  void startTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.define(builder, new LedgerCore(0),
        new LedgerTopology.Settings(Duration.ofHours(25), Duration.ofSeconds(1), "tracing-test-leg-signing-key-32-bytes",
            List.of(), true, LedgerTopology.MIN_DECIDED_IDS_PER_TASK),
        new LedgerMetrics(new SimpleMeterRegistry()));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-tracing-test");
    // a directory of its own: a run killed midway must not leave state for the next one to trip on
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), config);
    commands = driver.createInputTopic(Topics.COMMANDS, new StringSerializer(), JsonSerde.commands());
    events = driver.createOutputTopic(Topics.EVENTS, new StringDeserializer(), JsonSerde.events());
    legs = driver.createOutputTopic(Topics.COMMANDS, new StringDeserializer(), JsonSerde.commands());
    send(LedgerCommand.openAccount(UUID.randomUUID().toString(), source, "alice", "EUR", "fp", NOW), null);
    send(LedgerCommand.openAccount(UUID.randomUUID().toString(), destination, "bob", "EUR", "fp", NOW), null);
    send(LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT, source, "alice", 100,
        "EUR", null, "fp", NOW), null);
    events.readRecordsToList();
    appender.start();
    transactionLog.addAppender(appender);
  }

  @AfterEach
  void stopTopology() {
    transactionLog.detachAppender(appender);
    driver.close();
  }

  @Test
  void theTransferCarriesTheCommandsTraceToItsEventsItsCreditLegAndTheLogs() {
    String transfer = UUID.randomUUID().toString();
    send(LedgerCommand.debitLeg(transfer, CommandType.TRANSFER, source, destination, "alice", 30, "EUR",
        "rent", "fp", NOW), TRACEPARENT);

    TestRecord<String, LedgerCommand> credit = legs.readRecord();
    commands.pipeInput(credit); // back from the topic, as the ledger reads it later

    assertThat(traceparent(credit.headers())).isEqualTo(TRACEPARENT);
    List<TestRecord<String, LedgerEvent>> outcomes = events.readRecordsToList();
    assertThat(outcomes).hasSize(2).allSatisfy(event -> {
      assertThat(event.value().transactionId()).isEqualTo(transfer);
      assertThat(traceparent(event.headers())).isEqualTo(TRACEPARENT);
    });
    assertThat(logged).extracting(line -> line[0]).containsExactly(
        "decided TRANSFER " + transfer + " on account " + source
            + ": TRANSFER_DEBITED, next the CREDIT leg on account " + destination,
        "decided TRANSFER " + transfer + "/CREDIT on account " + destination + ": TRANSFER_CREDITED");
    assertThat(logged).extracting(line -> line[1]).containsOnly(TRACE_ID);
    assertThat(MDC.get("traceId")).as("nothing left behind on the stream thread").isNull();
  }

  @Test
  void aDeadLetterKeepsTheTraceAndACommandWithoutOneLogsWithoutOne() {
    TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(Topics.COMMANDS_DEAD_LETTER,
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(Topics.COMMANDS, new ByteArraySerializer(),
        new ByteArraySerializer());
    Headers headers = new RecordHeaders().add(TraceParent.HEADER, TRACEPARENT.getBytes(StandardCharsets.UTF_8));

    raw.pipeInput(new TestRecord<>(source.getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8),
        headers));
    send(LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.WITHDRAWAL, source, "alice", 500,
        "EUR", null, "fp", NOW), null);

    assertThat(traceparent(deadLetters.readRecord().headers())).isEqualTo(TRACEPARENT);
    assertThat(logged).singleElement().satisfies(line -> {
      assertThat(line[0]).endsWith(": REJECTED INSUFFICIENT_FUNDS");
      assertThat(line[1]).isNull();
    });
  }

  private void send(LedgerCommand command, String traceparent) {
    Headers headers = new RecordHeaders();
    if (traceparent != null) {
      headers.add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    commands.pipeInput(new TestRecord<>(command.accountId(), command, headers, NOW));
  }

  private static String traceparent(Headers headers) {
    var header = headers.lastHeader(TraceParent.HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
