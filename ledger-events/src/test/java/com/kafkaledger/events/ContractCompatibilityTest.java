package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract as released ({@code src/test/resources/contract/v1}, never edited to make a change
 * pass) against the current one ({@code src/main/resources/schemas}): the build fails when a change
 * would break a consumer written against the release. The rules are {@link ContractCompatibility}'s.
 */
class ContractCompatibilityTest {

  static final String RELEASED = "/contract/v1/";
  static final String CURRENT = "/schemas/";
  static final String TOPICS = "topics.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern KEY_FIELD = Pattern.compile("\\{(\\w+)}");

  private static final String ACCOUNT = UUID.randomUUID().toString();
  private static final String OTHER = UUID.randomUUID().toString();
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

  @Test
  void everyReleasedTopicKeepsItsNameKeyAndValueSchema() {
    assertThat(ContractCompatibility.topicBreaks(read(RELEASED + TOPICS), read(CURRENT + TOPICS))).isEmpty();
  }

  static Stream<String> releasedSchemas() {
    return read(RELEASED + TOPICS).path("topics").values().stream().map(topic -> topic.path("value").stringValue());
  }

  @ParameterizedTest
  @MethodSource("releasedSchemas")
  void theCurrentSchemaKeepsEveryPromiseOfTheReleasedOne(String schema) {
    assertThat(ContractCompatibility.schemaBreaks(read(RELEASED + schema), read(CURRENT + schema)))
        .as("changes to %s that would break its consumers", schema)
        .isEmpty();
  }

  @Test
  void everyReleasedTopicIsStillATopicOfTheCode() {
    List<String> released = new ArrayList<>(read(RELEASED + TOPICS).path("topics").propertyNames());

    assertThat(topicConstants()).containsAll(released);
  }

  @Test
  void everyKeyIsMadeOfRequiredFieldsThatAreNeverNull() {
    read(CURRENT + TOPICS).path("topics").properties().forEach(topic -> {
      JsonNode schema = read(CURRENT + topic.getValue().path("value").stringValue());
      List<String> required = schema.path("required").values().stream().map(JsonNode::stringValue).toList();
      for (String field : keyFields(topic.getValue().path("key").stringValue())) {
        assertThat(required).as("%s's key field %s is required", topic.getKey(), field).contains(field);
        assertThat(ContractCompatibility.types(schema.path("properties").path(field)))
            .as("%s's key field %s is never null", topic.getKey(), field)
            .isNotEmpty().doesNotContain("null");
      }
    });
  }

  /**
   * The key of a totals record is chosen here ({@link LedgerTotals#key()}). Events and commands are
   * keyed by their accountId where they are sent (the ledger's topology, the gateway's publisher);
   * the ledger's LedgerTopologyTest checks its events are keyed so.
   */
  @Test
  void theKeysTheCodeChoosesAreTheOnesTheContractNames() {
    LedgerTotals totals = new LedgerTotals(3, "EUR", 700, 50, -750, 42, NOW);
    LedgerEvent event = creditedCharge();

    assertThat(keyFromContract(Topics.TOTALS, LedgerJson.toBytes(totals))).isEqualTo(totals.key());
    assertThat(keyFromContract(Topics.EVENTS, LedgerJson.toBytes(event))).isEqualTo(event.accountId());
  }

  /** What the ledger writes today still validates against the released schemas, not only the current ones. */
  @Test
  void whatTheLedgerWritesTodayIsValidForTheReleasedSchemas() {
    JsonSchema events = releasedSchema("ledger-event.schema.json");
    JsonSchema commands = releasedSchema("ledger-command.schema.json");
    JsonSchema totals = releasedSchema("ledger-totals.schema.json");
    LedgerCommand debit = LedgerCommand.debitLeg(UUID.randomUUID().toString(), CommandType.CHARGE, ACCOUNT, OTHER,
        "alice", 500, "EUR", "coffee", "f", NOW).byRole(Role.MERCHANT);

    List<LedgerEvent> someEvents = List.of(
        new LedgerEvent(1, id(), id(), CommandType.OPEN_ACCOUNT, OTHER, 1, EventType.ACCOUNT_OPENED, null, "EUR", 0L,
            0L, null, null, null, "shop", "shop", NOW, AccountKind.MERCHANT),
        new LedgerEvent(1, id(), id(), CommandType.DEPOSIT, ACCOUNT, 2, EventType.DEPOSITED, 1250L, "EUR", 1250L, 0L,
            SystemAccounts.idFor("EUR"), null, "salary", null, "alice", NOW),
        creditedCharge(),
        new LedgerEvent(1, id(), id(), CommandType.CHARGE, ACCOUNT, 4, EventType.TRANSFER_REVERSED, 500L, "EUR",
            1250L, 0L, OTHER, RejectionReason.ACCOUNT_CLOSED, null, null, "shop", NOW),
        new LedgerEvent(1, id(), id(), CommandType.WITHDRAWAL, UUID.randomUUID().toString(), 0, EventType.REJECTED,
            5L, "EUR", null, null, null, RejectionReason.ACCOUNT_NOT_FOUND, null, null, "bob", NOW, null));
    List<LedgerCommand> someCommands = List.of(
        LedgerCommand.openAccount(id(), ACCOUNT, "alice", "EUR", "f", NOW),
        LedgerCommand.movement(id(), CommandType.DEPOSIT, ACCOUNT, "alice", 10, "EUR", null, "f", NOW),
        debit, debit.creditLeg(), debit.reversalLeg(RejectionReason.NOT_A_MERCHANT),
        LedgerCommand.setOverdraftLimit(id(), ACCOUNT, "op", "EUR", 100, "f", NOW));

    someEvents.forEach(event -> assertThat(violations(events, event)).as("%s", event).isEmpty());
    someCommands.forEach(command -> assertThat(violations(commands, command)).as("%s", command).isEmpty());
    assertThat(violations(totals, new LedgerTotals(0, "EUR", 1, 2, -3, 4, NOW))).isEmpty();
  }

  static JsonNode read(String resource) {
    try (InputStream in = ContractCompatibilityTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> topicConstants() {
    List<String> names = new ArrayList<>();
    for (Field field : Topics.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static List<String> keyFields(String template) {
    List<String> fields = new ArrayList<>();
    Matcher matcher = KEY_FIELD.matcher(template);
    while (matcher.find()) {
      fields.add(matcher.group(1));
    }
    return fields;
  }

  /** The record key the contract's template gives for a serialised value of the topic. */
  private static String keyFromContract(String topic, byte[] value) {
    String template = read(CURRENT + TOPICS).path("topics").path(topic).path("key").stringValue();
    JsonNode fields = JSON.readTree(value);
    Matcher matcher = KEY_FIELD.matcher(template);
    StringBuilder key = new StringBuilder();
    while (matcher.find()) {
      JsonNode field = fields.path(matcher.group(1));
      matcher.appendReplacement(key, Matcher.quoteReplacement(field.isString() ? field.stringValue() : field.toString()));
    }
    matcher.appendTail(key);
    return key.toString();
  }

  private static LedgerEvent creditedCharge() {
    return new LedgerEvent(1, id(), id(), CommandType.CHARGE, OTHER, 3, EventType.TRANSFER_CREDITED, 500L, "EUR",
        500L, 0L, ACCOUNT, null, "coffee", null, "shop", NOW, AccountKind.MERCHANT);
  }

  private static JsonSchema releasedSchema(String file) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = ContractCompatibilityTest.class.getResourceAsStream(RELEASED + file)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> violations(JsonSchema schema, Object value) {
    try {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(LedgerJson.toBytes(value));
      return schema.validate(node).stream().map(Object::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
