package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link ContractCompatibility} on changed copies of the released event schema and topics. */
class ContractCompatibilityRulesTest {

  private static final JsonNode RELEASED = ContractCompatibilityTest.read("/contract/v1/ledger-event.schema.json");
  private static final JsonNode RELEASED_TOPICS = ContractCompatibilityTest.read("/contract/v1/topics.json");

  private final ObjectNode changed = (ObjectNode) RELEASED.deepCopy();
  private final ObjectNode changedTopics = (ObjectNode) RELEASED_TOPICS.deepCopy();

  @Test
  void theReleasedSchemaIsCompatibleWithItself() {
    assertThat(breaks()).isEmpty();
    assertThat(topicBreaks()).isEmpty();
  }

  @Test
  void addingAndNarrowingBreakNoConsumer() {
    properties().putObject("merchantCategory").put("type", "string");
    ((ArrayNode) property("type").get("enum")).add("TRANSFER_HELD");
    property("amount").put("description", "Said differently.");
    property("amount").put("maximum", 1_000_000_000L);
    property("balanceAfter").put("type", "integer");
    changed.withArray("required").add("ownerId");
    changed.withArray("allOf").addObject().put("$comment", "a new rule");
    changedTopics.withObject("topics").putObject("ledger.refunds").put("key", "{accountId}").put("value", "x.json");

    assertThat(breaks()).isEmpty();
    assertThat(topicBreaks()).isEmpty();
  }

  @Test
  void aRemovedFieldIsReported() {
    properties().remove("counterpartyAccountId");

    assertThat(breaks()).contains("field counterpartyAccountId removed");
  }

  @Test
  void aRetypedFieldIsReported() {
    property("sequence").put("type", "string");

    assertThat(breaks()).containsExactly("field sequence: type [integer] became [string]");
  }

  @Test
  void aFieldThatMayNowBeNullIsReported() {
    property("currency").putArray("type").add("string").add("null");

    assertThat(breaks()).containsExactly("field currency: type [string] became [null, string]");
  }

  @Test
  void aRemovedOrRenamedEnumValueIsReported() {
    ArrayNode types = (ArrayNode) property("type").get("enum");
    types.removeIf(value -> value.stringValue().equals("DEPOSITED"));
    types.add("MONEY_IN");

    assertThat(breaks()).containsExactly("field type: values removed [DEPOSITED]");
  }

  @Test
  void aRemovedFormatOrLoosenedBoundIsReported() {
    property("accountId").remove("format");
    property("amount").put("maximum", 1_000_000_000_000_000_000L);

    assertThat(breaks()).containsExactlyInAnyOrder(
        "field amount: maximum 1000000000000000 loosened to 1000000000000000000",
        "field accountId: format \"uuid\" became none");
  }

  @Test
  void aFieldNoLongerRequiredIsReported() {
    ((ArrayNode) changed.get("required")).removeIf(name -> name.stringValue().equals("occurredAt"));

    assertThat(breaks()).containsExactly("field occurredAt no longer required");
  }

  @Test
  void forbiddingUnknownFieldsIsReported() {
    changed.put("additionalProperties", false);

    assertThat(breaks()).containsExactly(
        "the value: additionalProperties false added, which forbids the fields the contract may add");
  }

  @Test
  void aChangedConditionalRuleIsReported() {
    ((ArrayNode) changed.get("allOf")).remove(0);

    assertThat(breaks()).singleElement().asString().startsWith("the value: rule removed or changed: {\"if\"");
  }

  @Test
  void aChangedKeyRemovedTopicOrSwappedValueSchemaIsReported() {
    topic("ledger.events").put("key", "{transactionId}");
    topic("ledger.totals").put("value", "ledger-totals-v2.schema.json");
    changedTopics.withObject("topics").remove("ledger.commands");

    assertThat(topicBreaks()).containsExactlyInAnyOrder(
        "topic ledger.events: key \"{accountId}\" became \"{transactionId}\"",
        "topic ledger.totals: value \"ledger-totals.schema.json\" became \"ledger-totals-v2.schema.json\"",
        "topic ledger.commands removed");
  }

  @Test
  void everyBreakOfOneChangeIsReported() {
    properties().remove("reason");
    property("amount").put("type", "number");
    property("occurredAt").put("type", "integer");
    property("occurredAt").remove("format");

    assertThat(breaks()).containsExactlyInAnyOrder(
        "field reason removed",
        "field amount: type [integer, null] became [number]",
        "field occurredAt: type [string] became [integer]",
        "field occurredAt: format \"date-time\" became none");
  }

  private List<String> breaks() {
    return ContractCompatibility.schemaBreaks(RELEASED, changed);
  }

  private List<String> topicBreaks() {
    return ContractCompatibility.topicBreaks(RELEASED_TOPICS, changedTopics);
  }

  private ObjectNode properties() {
    return (ObjectNode) changed.get("properties");
  }

  private ObjectNode property(String name) {
    return (ObjectNode) properties().get(name);
  }

  private ObjectNode topic(String name) {
    return (ObjectNode) changedTopics.get("topics").get(name);
  }
}
