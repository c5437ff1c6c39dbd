package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.ContractSchemas;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Topics;
import com.kafkaledger.processor.core.LedgerCore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTopologyTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, LedgerCommand> commands;
  private TestInputTopic<byte[], byte[]> rawCommands;
  private TestOutputTopic<String, LedgerEvent> events;
  private final String account = UUID.randomUUID().toString();

  @BeforeEach
  void startTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.define(builder, new LedgerCore(0), Duration.ofHours(25), Duration.ofSeconds(1),
        new LedgerMetrics(registry));
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-topology-test");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    driver = new TopologyTestDriver(builder.build(), config);
    commands = driver.createInputTopic(Topics.COMMANDS, new StringSerializer(), JsonSerde.commands());
    rawCommands = driver.createInputTopic(Topics.COMMANDS, new ByteArraySerializer(), new ByteArraySerializer());
    events = driver.createOutputTopic(Topics.EVENTS, new StringDeserializer(), JsonSerde.events());
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  @Test
  void eachCommandYieldsOneEventKeyedByItsAccountInOrder() {
    send(open());
    send(move(CommandType.DEPOSIT, 100));
    send(move(CommandType.WITHDRAWAL, 250));
    send(move(CommandType.WITHDRAWAL, 40));

    var records = events.readKeyValuesToList();

    assertThat(records).allSatisfy(record -> assertThat(record.key).isEqualTo(account));
    assertThat(records).extracting(record -> record.value.type()).containsExactly(
        EventType.ACCOUNT_OPENED, EventType.DEPOSITED, EventType.REJECTED, EventType.WITHDRAWN);
    assertThat(records).extracting(record -> record.value.sequence()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(2).value.reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(records.get(3).value.balanceAfter()).isEqualTo(60);
    assertThat(accountsStore().get(account).balance()).isEqualTo(60);
  }

  @Test
  void aRedeliveredCommandEmitsNothingAndMovesNothing() {
    send(open());
    LedgerCommand deposit = move(CommandType.DEPOSIT, 100);
    send(deposit);
    events.readValuesToList();

    send(deposit);

    assertThat(events.isEmpty()).isTrue();
    assertThat(accountsStore().get(account).balance()).isEqualTo(100);
    assertThat(registry.get("ledger.commands.duplicates").counter().count()).isEqualTo(1);
  }

  @Test
  void aCommandForAnUnknownAccountIsRejectedAsAnEvent() {
    send(move(CommandType.DEPOSIT, 100));

    LedgerEvent rejected = events.readValue();

    assertThat(rejected.reason()).isEqualTo(RejectionReason.ACCOUNT_NOT_FOUND);
    assertThat(rejected.sequence()).isZero();
  }

  @Test
  void unreadableAndContractBreakingCommandsAreSkippedAndThePartitionKeepsFlowing() {
    send(open());
    rawCommands.pipeInput(account.getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
    LedgerCommand zeroAmount = LedgerCommand.movement(UUID.randomUUID().toString(),
        CommandType.DEPOSIT, account, "alice", 0, "EUR", null, "fp", NOW);
    send(zeroAmount);
    commands.pipeInput(UUID.randomUUID().toString(), move(CommandType.DEPOSIT, 5)); // wrong key
    send(move(CommandType.DEPOSIT, 7));

    assertThat(events.readValuesToList()).extracting(LedgerEvent::type)
        .containsExactly(EventType.ACCOUNT_OPENED, EventType.DEPOSITED);
    assertThat(accountsStore().get(account).balance()).isEqualTo(7);
    assertThat(registry.get("ledger.commands.invalid").counter().count()).isEqualTo(2);
  }

  @Test
  void emittedEventsMatchThePublishedJsonSchema() {
    TestOutputTopic<byte[], byte[]> rawEvents = driver.createOutputTopic(Topics.EVENTS,
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    send(open());
    send(move(CommandType.DEPOSIT, 100));
    send(move(CommandType.WITHDRAWAL, 1_000));
    String unknownAccount = UUID.randomUUID().toString();
    send(LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT, unknownAccount,
        "alice", 5, "EUR", null, "fp", NOW));

    List<byte[]> values = rawEvents.readValuesToList();

    assertThat(values).hasSize(4);
    for (byte[] value : values) {
      assertThat(ContractSchemas.eventViolations(value)).as(new String(value, StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void aTransferSendsItsCreditLegKeyedByTheDestinationInTheSameStep() {
    TestOutputTopic<String, LedgerCommand> legs = driver.createOutputTopic(Topics.COMMANDS,
        new StringDeserializer(), JsonSerde.commands());
    String destination = UUID.randomUUID().toString();
    send(open());
    send(LedgerCommand.openAccount(UUID.randomUUID().toString(), destination, "bob", "EUR", "fp", NOW));
    send(move(CommandType.DEPOSIT, 100));
    events.readValuesToList();

    send(LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER, account, destination,
        "alice", 30, "EUR", "rent", "fp", NOW));
    var credit = legs.readKeyValue();
    commands.pipeInput(credit.key, credit.value);

    assertThat(credit.key).isEqualTo(destination);
    assertThat(credit.value.leg()).isEqualTo(com.kafkaledger.events.Leg.CREDIT);
    assertThat(events.readValuesToList()).extracting(LedgerEvent::type)
        .containsExactly(EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED);
    assertThat(accountsStore().get(destination).balance()).isEqualTo(30);
    assertThat(legs.isEmpty()).isTrue();
  }

  @Test
  void eachPartitionPublishesItsTotalsWhenTheyChanged() {
    TestOutputTopic<String, byte[]> totals = driver.createOutputTopic(Topics.TOTALS,
        new StringDeserializer(), new ByteArrayDeserializer());
    send(open());
    send(move(CommandType.DEPOSIT, 100));
    send(move(CommandType.WITHDRAWAL, 40));

    driver.advanceWallClockTime(Duration.ofSeconds(1));
    var published = totals.readKeyValuesToList();
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    assertThat(published).hasSize(1);
    assertThat(published.get(0).key).isEqualTo("0/EUR");
    assertThat(ContractSchemas.totalsViolations(published.get(0).value)).isEmpty();
    var value = com.kafkaledger.events.LedgerJson.fromBytes(published.get(0).value,
        com.kafkaledger.events.LedgerTotals.class);
    assertThat(value.accounts()).isEqualTo(60);
    assertThat(value.system()).isEqualTo(-60);
    assertThat(value.events()).isEqualTo(3);
    assertThat(totals.isEmpty()).as("nothing changed, nothing published").isTrue();
  }

  @Test
  void outcomesAreCountedByTypeAndReason() {
    send(open());
    send(move(CommandType.WITHDRAWAL, 1));

    assertThat(registry.get("ledger.outcomes").tag("reason", "INSUFFICIENT_FUNDS").counter().count())
        .isEqualTo(1);
  }

  private KeyValueStore<String, com.kafkaledger.processor.core.AccountState> accountsStore() {
    return driver.getKeyValueStore(LedgerStores.ACCOUNTS);
  }

  private void send(LedgerCommand command) {
    commands.pipeInput(command.accountId(), command);
  }

  private LedgerCommand open() {
    return LedgerCommand.openAccount(UUID.randomUUID().toString(), account, "alice", "EUR", "fp", NOW);
  }

  private LedgerCommand move(CommandType type, long amount) {
    return LedgerCommand.movement(UUID.randomUUID().toString(), type, account, "alice", amount,
        "EUR", "test", "fp", NOW);
  }
}
