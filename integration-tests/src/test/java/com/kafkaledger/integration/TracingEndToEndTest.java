package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.events.Leg;
import com.kafkaledger.events.Topics;
import com.kafkaledger.events.TraceParent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The trace id the gateway answers with goes, in the W3C traceparent header, on the command, on
 * the ledger's events and next legs, and into the transaction's log line at every service.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracingEndToEndTest {

  private static Pipeline pipeline;
  private static LedgerClient client;
  /** The ledger.transactions lines with the trace id in the MDC when each was logged. */
  private static final List<Line> lines = new CopyOnWriteArrayList<>();
  private static final Logger transactionLog = (Logger) LoggerFactory.getLogger("ledger.transactions");
  private static final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      lines.add(new Line(event.getFormattedMessage(), event.getMDCPropertyMap().get("traceId")));
    }
  };

  private record Line(String message, String traceId) {}

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("tracing");
    client = new LedgerClient(pipeline.gatewayUrl());
    // after the three applications started: each one configured the JVM's logging afresh
    appender.start();
    transactionLog.addAppender(appender);
  }

  @AfterAll
  static void stop() {
    transactionLog.detachAppender(appender);
    pipeline.close();
  }

  @Test
  void aDepositsTraceIdIsOnItsCommandAndEventAndInTheLinesOfEveryService(CapturedOutput output) {
    String account = client.openAccount("EUR");

    Http.Response accepted = client.submit("DEPOSIT", account, 500, "EUR", Map.of());
    String transactionId = accepted.json().get("transactionId").stringValue();
    String traceId = accepted.header("X-Trace-Id");
    client.finalOutcome(transactionId);

    assertThat(traceId).matches("[0-9a-f]{32}");
    assertThat(traceIdsOnCommands(account, transactionId, Leg.DEBIT)).containsExactly(traceId);
    assertThat(traceIdsOnEvents(account, transactionId)).containsExactly(traceId);
    assertLinesCarry(transactionId, traceId, output,
        "accepted DEPOSIT " + transactionId,
        "decided DEPOSIT " + transactionId,
        "projected DEPOSIT " + transactionId);
  }

  @Test
  void aTransfersCreditLegContinuesTheTraceOfItsRequest(CapturedOutput output) {
    String from = client.openAccount("EUR");
    String to = client.as("payee").openAccount("EUR");
    client.move("DEPOSIT", from, 1_000, "EUR");

    Http.Response accepted = client.submitTransfer(from, to, 300, "EUR", "rent");
    String transactionId = accepted.json().get("transactionId").stringValue();
    String traceId = accepted.header("X-Trace-Id");
    assertThat(client.finalOutcome(transactionId).get("status").stringValue()).isEqualTo("COMPLETED");

    assertThat(traceIdsOnCommands(from, transactionId, Leg.DEBIT)).containsExactly(traceId);
    assertThat(traceIdsOnCommands(to, transactionId, Leg.CREDIT)).containsExactly(traceId);
    assertThat(traceIdsOnEvents(from, transactionId)).containsExactly(traceId);
    assertThat(traceIdsOnEvents(to, transactionId)).containsExactly(traceId);
    assertLinesCarry(transactionId, traceId, output,
        "accepted TRANSFER " + transactionId,
        "decided TRANSFER " + transactionId + " on account " + from,
        "decided TRANSFER " + transactionId + "/CREDIT on account " + to,
        "projected TRANSFER " + transactionId + " on account " + from,
        "projected TRANSFER " + transactionId + " on account " + to);
  }

  /**
   * Each expected line was logged once with the trace id in the MDC, and printed with it: Boot's
   * console pattern shows the MDC's trace id on every line.
   */
  private static void assertLinesCarry(String transactionId, String traceId, CapturedOutput output,
      String... expectedStarts) {
    // the view logs after its database commit, which the outcome read may just have overtaken
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<Line> about = lines.stream().filter(line -> line.message().contains(transactionId)).toList();
      for (String start : expectedStarts) {
        assertThat(about).filteredOn(line -> line.message().startsWith(start)).as(start)
            .singleElement().extracting(Line::traceId).isEqualTo(traceId);
      }
    });
    List<String> printed = output.getOut().lines()
        .filter(line -> line.contains("ledger.transactions") && line.contains(transactionId)).toList();
    assertThat(printed).hasSizeGreaterThanOrEqualTo(expectedStarts.length)
        .allSatisfy(line -> assertThat(line).contains(traceId));
  }

  private static List<String> traceIdsOnCommands(String account, String transactionId, Leg leg) {
    return TopicReader.recordsFor(pipeline.kafka, Topics.COMMANDS, account).stream()
        .filter(record -> {
          LedgerCommand command = LedgerJson.fromBytes(record.value(), LedgerCommand.class);
          // a deposit's command has no leg: it is the first and only one
          Leg itsLeg = command.leg() == null ? Leg.DEBIT : command.leg();
          return command.transactionId().equals(transactionId) && itsLeg == leg;
        })
        .map(TracingEndToEndTest::traceIdOf).toList();
  }

  private static List<String> traceIdsOnEvents(String account, String transactionId) {
    return TopicReader.recordsFor(pipeline.kafka, Topics.EVENTS, account).stream()
        .filter(record -> LedgerJson.fromBytes(record.value(), LedgerEvent.class).transactionId().equals(transactionId))
        .map(TracingEndToEndTest::traceIdOf).toList();
  }

  private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
    TraceParent trace = TraceParent.of(record.headers());
    return trace == null ? null : trace.traceId();
  }
}
