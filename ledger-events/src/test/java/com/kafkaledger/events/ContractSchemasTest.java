package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

  private static final String ACCOUNT = UUID.randomUUID().toString();
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

  @Test
  void serialisedDepositEventMatchesTheEventSchema() {
    LedgerEvent event = new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
        UUID.randomUUID().toString(), CommandType.DEPOSIT, ACCOUNT, 2, EventType.DEPOSITED, 1250L,
        "EUR", 1250L, 0L, SystemAccounts.idFor("EUR"), null, "salary", null, "alice", NOW);

    assertThat(ContractSchemas.eventViolations(LedgerJson.toBytes(event))).isEmpty();
  }

  @Test
  void serialisedEventHasExactlyTheFieldsTheSchemaDocuments() throws Exception {
    LedgerEvent event = new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
        UUID.randomUUID().toString(), CommandType.WITHDRAWAL, ACCOUNT, 3, EventType.REJECTED, 5L,
        "EUR", 0L, 0L, null, RejectionReason.INSUFFICIENT_FUNDS, null, "alice", "alice", NOW);
    var rawJson = new com.fasterxml.jackson.databind.ObjectMapper();
    JsonNode schema;
    try (var in = getClass().getResourceAsStream(ContractSchemas.EVENT_SCHEMA)) {
      schema = rawJson.readTree(in);
    }

    JsonNode serialised = rawJson.readTree(LedgerJson.toBytes(event));

    assertThat(fieldNames(serialised)).isEqualTo(fieldNames(schema.get("properties")));
  }

  @Test
  void serialisedCommandHasExactlyTheFieldsTheSchemaDocuments() throws Exception {
    LedgerCommand command = LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT,
        ACCOUNT, "alice", 5, "EUR", null, "f", NOW);
    var rawJson = new com.fasterxml.jackson.databind.ObjectMapper();
    JsonNode schema;
    try (var in = getClass().getResourceAsStream(ContractSchemas.COMMAND_SCHEMA)) {
      schema = rawJson.readTree(in);
    }

    JsonNode serialised = rawJson.readTree(LedgerJson.toBytes(command));

    assertThat(fieldNames(serialised)).isEqualTo(fieldNames(schema.get("properties")));
  }

  private static java.util.Set<String> fieldNames(JsonNode object) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void serialisedRejectionOfUnknownAccountMatchesTheEventSchema() {
    LedgerEvent event = new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
        UUID.randomUUID().toString(), CommandType.WITHDRAWAL, ACCOUNT, 0, EventType.REJECTED, 5L,
        "EUR", null, null, null, RejectionReason.ACCOUNT_NOT_FOUND, null, null, "bob", NOW);

    assertThat(ContractSchemas.eventViolations(LedgerJson.toBytes(event))).isEmpty();
  }

  @Test
  void rejectionWithoutReasonViolatesTheEventSchema() {
    LedgerEvent event = new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
        UUID.randomUUID().toString(), CommandType.WITHDRAWAL, ACCOUNT, 3, EventType.REJECTED, 5L,
        "EUR", 0L, 0L, null, null, null, null, "bob", NOW);

    assertThat(ContractSchemas.eventViolations(LedgerJson.toBytes(event))).isNotEmpty();
  }

  @Test
  void eventWithoutSequenceViolatesTheEventSchema() {
    String json = "{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"DEPOSITED\"}";

    assertThat(ContractSchemas.eventViolations(json.getBytes(StandardCharsets.UTF_8)))
        .anyMatch(message -> message.contains("sequence"));
  }

  @Test
  void serialisedCommandsMatchTheCommandSchema() {
    LedgerCommand open = LedgerCommand.openAccount(UUID.randomUUID().toString(), ACCOUNT, "alice",
        "EUR", "f1", NOW);
    LedgerCommand deposit = LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT,
        ACCOUNT, "alice", 1_000_000_000_000_000L, "EUR", "top-up", "f2", NOW);

    assertThat(ContractSchemas.commandViolations(LedgerJson.toBytes(open))).isEmpty();
    assertThat(ContractSchemas.commandViolations(LedgerJson.toBytes(deposit))).isEmpty();
  }

  @Test
  void depositWithoutAmountOrAboveTheMaximumViolatesTheCommandSchema() {
    LedgerCommand noAmount = new LedgerCommand(1, UUID.randomUUID().toString(), CommandType.DEPOSIT,
        ACCOUNT, "alice", null, "EUR", null, "f", NOW);
    LedgerCommand tooLarge = LedgerCommand.movement(UUID.randomUUID().toString(),
        CommandType.DEPOSIT, ACCOUNT, "alice", 1_000_000_000_000_001L, "EUR", null, "f", NOW);

    assertThat(ContractSchemas.commandViolations(LedgerJson.toBytes(noAmount))).isNotEmpty();
    assertThat(ContractSchemas.commandViolations(LedgerJson.toBytes(tooLarge))).isNotEmpty();
  }

  @Test
  void serialisedTotalsMatchTheTotalsSchema() {
    LedgerTotals totals = new LedgerTotals(3, "EUR", 700, 50, -750, 42, NOW);

    assertThat(ContractSchemas.totalsViolations(LedgerJson.toBytes(totals))).isEmpty();
    assertThat(ContractSchemas.totalsViolations("{\"partition\":3}".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
  }

  @Test
  void notJsonIsAViolation() {
    assertThat(ContractSchemas.commandViolations("{nope".getBytes(StandardCharsets.UTF_8)))
        .isNotEmpty();
  }
}
