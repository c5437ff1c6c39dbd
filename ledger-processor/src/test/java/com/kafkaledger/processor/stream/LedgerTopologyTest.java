package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.ContractSchemas;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Topics;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.LedgerCore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
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
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTopologyTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String SIGNING_KEY = "topology-test-leg-signing-key-32-bytes";
  /** The key the ledger signed with before a rotation. */
  private static final String ACCEPTED_KEY = "topology-test-previous-leg-key-32-bytes";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir
  Path stateDirectory;
  private TopologyTestDriver driver;
  private TestInputTopic<String, LedgerCommand> commands;
  private TestInputTopic<byte[], byte[]> rawCommands;
  private TestOutputTopic<String, LedgerEvent> events;
  private final String account = UUID.randomUUID().toString();

  /** The default; {@link LedgerTopologyRocksDbAccountsTest} runs every test with the accounts in RocksDB. */
  boolean accountsInMemory() {
    return true;
  }

  @BeforeEach
  void startTopology() {
    startTopology(DecidedIds.KEYS_PER_FILTER, LedgerTopology.MIN_DECIDED_IDS_PER_TASK);
  }

  private void startTopology(int decidedIdsPerFilter, long decidedIdsPerTask) {
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.define(builder, new LedgerCore(0),
        new LedgerTopology.Settings(Duration.ofHours(25), Duration.ofSeconds(1), SIGNING_KEY, List.of(ACCEPTED_KEY),
            accountsInMemory(), decidedIdsPerTask),
        new LedgerMetrics(registry), decidedIdsPerFilter);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledger-topology-test");
    // a directory of its own: a run killed midway must not leave state for the next one to trip on
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, LedgerRocksDbConfig.class); // as in production
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

  /**
   * A client may retry a day later: the earlier decision must be found whatever its timestamp and
   * segment (a store segment spans 12.5 hours of a 25-hour retention), for the debit leg and for the
   * credit leg, whose key extends the same transaction id. (With a prefix longer than the
   * transaction id in LedgerRocksDbConfig, the redelivery test above fails.)
   */
  @Test
  void aRedeliveryIsCaughtHoursLaterInAnotherSegmentForEachLeg() {
    String destination = UUID.randomUUID().toString();
    commands.pipeInput(account, open(), NOW);
    commands.pipeInput(destination, LedgerCommand.openAccount(UUID.randomUUID().toString(), destination, "bob",
        "EUR", "fp", NOW), NOW);
    commands.pipeInput(account, move(CommandType.DEPOSIT, 100), NOW);
    TestOutputTopic<String, LedgerCommand> legs = driver.createOutputTopic(Topics.COMMANDS,
        new StringDeserializer(), JsonSerde.commands());
    LedgerCommand debit = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER, account,
        destination, "alice", 30, "EUR", "rent", "fp", NOW);
    commands.pipeInput(account, debit, NOW);
    TestRecord<String, LedgerCommand> credit = legs.readRecord(); // the driver has already applied it
    for (int hour = 1; hour <= 24; hour++) { // stream time moves on, new segments open
      commands.pipeInput(account, move(CommandType.DEPOSIT, 1), NOW.plus(Duration.ofHours(hour)));
    }
    events.readValuesToList();

    Instant later = NOW.plus(Duration.ofHours(24));
    commands.pipeInput(account, debit, later);
    commands.pipeInput(new TestRecord<>(credit.key(), credit.value(), credit.headers(), later));

    assertThat(events.isEmpty()).isTrue();
    assertThat(legs.isEmpty()).isTrue();
    assertThat(accountsStore().get(account).balance()).isEqualTo(100 - 30 + 24);
    assertThat(accountsStore().get(destination).balance()).isEqualTo(30);
    assertThat(registry.get("ledger.commands.duplicates").counter().count()).isEqualTo(2);
  }

  /**
   * Past the filters' cap ({@code LEDGER_DECIDED_IDS_PER_TASK}, passed within a day of steady load
   * with the default) the oldest filters are forgotten, and a redelivery of what they held must be
   * found in the store. Filters of 64 ids and a cap of 128 here, so that 300 commands pass it.
   */
  @Test
  void aRedeliveryIsCaughtInTheStoreOnceTheFiltersHaveForgottenIt() {
    stopTopology();
    startTopology(64, 128);
    commands.pipeInput(account, open(), NOW);
    LedgerCommand early = move(CommandType.DEPOSIT, 100);
    commands.pipeInput(account, early, NOW);
    for (int i = 1; i <= 300; i++) {
      commands.pipeInput(account, move(CommandType.DEPOSIT, 1), NOW.plusSeconds(i));
    }
    events.readValuesToList();
    double lookupsBefore = registry.get("ledger.commands.store-lookups").counter().count();

    commands.pipeInput(account, early, NOW.plusSeconds(301));
    // a command never seen, with a timestamp among the forgotten ones: the store has no decision
    LedgerCommand late = move(CommandType.DEPOSIT, 5);
    commands.pipeInput(account, late, NOW);

    assertThat(events.readValuesToList()).extracting(LedgerEvent::transactionId)
        .containsExactly(late.transactionId());
    assertThat(accountsStore().get(account).balance()).isEqualTo(100 + 300 + 5);
    assertThat(registry.get("ledger.commands.duplicates").counter().count()).isEqualTo(1);
    assertThat(registry.get("ledger.commands.store-lookups").counter().count() - lookupsBefore).isEqualTo(2);
  }

  @Test
  void aCommandForAnUnknownAccountIsRejectedAsAnEvent() {
    send(move(CommandType.DEPOSIT, 100));

    LedgerEvent rejected = events.readValue();

    assertThat(rejected.reason()).isEqualTo(RejectionReason.ACCOUNT_NOT_FOUND);
    assertThat(rejected.sequence()).isZero();
  }

  @Test
  void unreadableAndContractBreakingCommandsGoToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
    TestOutputTopic<byte[], byte[]> deadLetters = deadLetterTopic();
    send(open());
    byte[] notJson = utf8("{not json");
    rawCommands.pipeInput(utf8(account), notJson);
    LedgerCommand zeroAmount = LedgerCommand.movement(UUID.randomUUID().toString(),
        CommandType.DEPOSIT, account, "alice", 0, "EUR", null, "fp", NOW);
    send(zeroAmount);
    LedgerCommand notAUuid = LedgerCommand.movement("deposit-42", CommandType.DEPOSIT, account, "alice", 5,
        "EUR", null, "fp", NOW);
    send(notAUuid);
    String wrongKey = UUID.randomUUID().toString();
    LedgerCommand misrouted = move(CommandType.DEPOSIT, 5);
    commands.pipeInput(wrongKey, misrouted);
    send(move(CommandType.DEPOSIT, 7));

    assertThat(events.readValuesToList()).extracting(LedgerEvent::type)
        .containsExactly(EventType.ACCOUNT_OPENED, EventType.DEPOSITED);
    assertThat(accountsStore().get(account).balance()).isEqualTo(7);
    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(4);
    assertDeadLetter(dead.get(0), account, notJson, 1, "not a valid LedgerCommand");
    assertDeadLetter(dead.get(1), account, LedgerJson.toBytes(zeroAmount), 2, "amount must be 1..");
    assertDeadLetter(dead.get(2), account, LedgerJson.toBytes(notAUuid), 3, "transactionId is not a UUID");
    assertDeadLetter(dead.get(3), wrongKey, LedgerJson.toBytes(misrouted), 4, "is not the command's account");
    assertThat(deadLettered("UNREADABLE")).isEqualTo(1);
    assertThat(deadLettered("BREAKS_CONTRACT")).isEqualTo(2);
    assertThat(deadLettered("WRONG_KEY")).isEqualTo(1);
  }

  @Test
  void aRecordWithoutAValueIsDeadLetteredWithItsOwnHeadersAndOnlyTheNewReason() {
    TestOutputTopic<byte[], byte[]> deadLetters = deadLetterTopic();
    Headers headers = new RecordHeaders()
        .add("traceparent", utf8("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .add(Topics.DEAD_LETTER_REASON_HEADER, utf8("from an earlier trip to the dead letters"));

    rawCommands.pipeInput(new TestRecord<>(utf8(account), null, headers));

    TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
    assertThat(dead.key()).isEqualTo(utf8(account));
    assertThat(dead.value()).isNull();
    assertThat(header(dead, "traceparent")).startsWith("00-0af7");
    assertThat(dead.headers().headers(Topics.DEAD_LETTER_REASON_HEADER)).hasSize(1);
    assertThat(header(dead, Topics.DEAD_LETTER_REASON_HEADER)).isEqualTo("no command in the record");
    assertThat(events.isEmpty()).isTrue();
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
    TestRecord<String, LedgerCommand> credit = legs.readRecord();
    commands.pipeInput(credit); // as it comes back from the topic: with the ledger's signature

    assertThat(credit.key()).isEqualTo(destination);
    assertThat(credit.value().leg()).isEqualTo(com.kafkaledger.events.Leg.CREDIT);
    assertThat(credit.headers().lastHeader(LegSignatures.HEADER)).isNotNull();
    assertThat(events.readValuesToList()).extracting(LedgerEvent::type)
        .containsExactly(EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED);
    assertThat(accountsStore().get(destination).balance()).isEqualTo(30);
    assertThat(legs.isEmpty()).isTrue();
  }

  @Test
  void aCreditLegForgedOntoTheTopicIsDeadLetteredAndCreditsNothing() {
    TestOutputTopic<byte[], byte[]> deadLetters = deadLetterTopic();
    send(open());
    LedgerCommand debit = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER,
        UUID.randomUUID().toString(), account, "mallory", 1_000, "EUR", "free money", "fp", NOW);
    TestRecord<String, LedgerCommand> wronglySigned = new TestRecord<>(account, debit.creditLeg());
    wronglySigned.headers().add(LegSignatures.HEADER, utf8("bm90IHRoZSBsZWRnZXIncw=="));

    send(debit.creditLeg());
    commands.pipeInput(wronglySigned);

    assertThat(deadLetters.readRecordsToList()).hasSize(2).allSatisfy(dead -> assertThat(
        new String(dead.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(), StandardCharsets.UTF_8))
        .contains("without the ledger's signature"));
    assertThat(accountsStore().get(account).balance()).isZero();
  }

  @Test
  void legsSignedBeforeAKeyRotationAreAppliedAndTheLegsTheyLeadToAreSignedWithTheNewKey() {
    TestOutputTopic<String, LedgerCommand> legs = driver.createOutputTopic(Topics.COMMANDS,
        new StringDeserializer(), JsonSerde.commands());
    TestOutputTopic<byte[], byte[]> deadLetters = deadLetterTopic();
    send(open());
    events.readValuesToList();
    LegSignatures beforeRotation = new LegSignatures(ACCEPTED_KEY, List.of());
    LedgerCommand toHere = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER,
        UUID.randomUUID().toString(), account, "bob", 40, "EUR", "rent", "fp", NOW).creditLeg();
    String nowhere = UUID.randomUUID().toString();
    LedgerCommand toNowhere = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER, account,
        nowhere, "alice", 15, "EUR", "to a closed shop", "fp", NOW).creditLeg();
    LedgerCommand underUnknownKey = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER,
        UUID.randomUUID().toString(), account, "mallory", 1_000, "EUR", "free money", "fp", NOW).creditLeg();

    commands.pipeInput(signed(toHere, beforeRotation));
    commands.pipeInput(signed(toNowhere, beforeRotation));
    commands.pipeInput(signed(underUnknownKey, new LegSignatures("a-key-this-ledger-never-accepted-32b", List.of())));

    // the driver has applied the reversal too (the debit itself is not part of this test)
    assertThat(accountsStore().get(account).balance()).as("credited under the previous key").isEqualTo(40 + 15);
    assertThat(events.readValuesToList()).extracting(LedgerEvent::type)
        .containsExactly(EventType.TRANSFER_CREDITED, EventType.TRANSFER_REVERSED);
    TestRecord<String, LedgerCommand> reversal = legs.readRecord();
    assertThat(reversal.value().leg()).isEqualTo(com.kafkaledger.events.Leg.REVERSAL);
    assertThat(new LegSignatures(SIGNING_KEY, List.of()).signer(reversal.value(), reversal.headers()))
        .as("the reversal the failed credit led to").isEqualTo(LegSignatures.Signer.SIGNING_KEY);
    assertThat(registry.get("ledger.legs.accepted-key").counter().count()).isEqualTo(2);
    assertThat(header(deadLetters.readRecord(), Topics.DEAD_LETTER_REASON_HEADER))
        .contains("leg of " + underUnknownKey.transactionId() + " without the ledger's signature");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  private static TestRecord<String, LedgerCommand> signed(LedgerCommand leg, LegSignatures signatures) {
    TestRecord<String, LedgerCommand> record = new TestRecord<>(leg.accountId(), leg);
    signatures.sign(leg, record.headers());
    return record;
  }

  @Test
  void aReversalTheBalanceCannotHoldIsDeadLetteredAndThePartitionKeepsFlowing() {
    TestOutputTopic<byte[], byte[]> deadLetters = deadLetterTopic();
    send(open());
    // only reversals can take a balance above MAX_BALANCE; this one is within 50 of 2^63 - 1
    AccountState opened = accountsStore().get(account);
    accountsStore().put(account, new AccountState(opened.accountId(), opened.ownerId(), opened.kind(),
        opened.currency(), Long.MAX_VALUE - 10, opened.overdraftLimit(), opened.status(), opened.sequence()));
    LedgerCommand reversal = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.TRANSFER, account,
        UUID.randomUUID().toString(), "alice", 50, "EUR", "to nobody", "fp", NOW).creditLeg()
        .reversalLeg(RejectionReason.ACCOUNT_NOT_FOUND);
    TestRecord<String, LedgerCommand> signed = new TestRecord<>(account, reversal);
    new LegSignatures(SIGNING_KEY, List.of()).sign(reversal, signed.headers());
    events.readValuesToList();

    commands.pipeInput(signed);
    send(move(CommandType.DEPOSIT, 1));

    assertThat(header(deadLetters.readRecord(), Topics.DEAD_LETTER_REASON_HEADER)).contains("past 2^63 - 1");
    assertThat(deadLettered("REVERSAL_OVERFLOW")).isEqualTo(1);
    assertThat(accountsStore().get(account).balance()).isEqualTo(Long.MAX_VALUE - 10);
    LedgerEvent next = events.readValue();
    assertThat(next.type()).as("the partition goes on").isEqualTo(EventType.REJECTED);
    assertThat(next.reason()).isEqualTo(RejectionReason.BALANCE_LIMIT_EXCEEDED);
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

  private TestOutputTopic<byte[], byte[]> deadLetterTopic() {
    return driver.createOutputTopic(Topics.COMMANDS_DEAD_LETTER, new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** The record as it was on the commands topic, with why and where from. */
  private static void assertDeadLetter(TestRecord<byte[], byte[]> dead, String key, byte[] value, long offset,
      String reason) {
    assertThat(dead.key()).isEqualTo(utf8(key));
    assertThat(dead.value()).isEqualTo(value);
    assertThat(header(dead, Topics.DEAD_LETTER_REASON_HEADER)).contains(reason);
    assertThat(header(dead, DeadLetter.SOURCE_TOPIC_HEADER)).isEqualTo(Topics.COMMANDS);
    assertThat(header(dead, DeadLetter.SOURCE_PARTITION_HEADER)).isEqualTo("0");
    assertThat(header(dead, DeadLetter.SOURCE_OFFSET_HEADER)).isEqualTo(String.valueOf(offset));
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private double deadLettered(String cause) {
    return registry.get("ledger.commands.dead-lettered").tag("reason", cause).counter().count();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private KeyValueStore<String, AccountState> accountsStore() {
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
