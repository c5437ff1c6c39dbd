package com.kafkaledger.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Whether the current contract can replace a released one without breaking a consumer written
 * against the released one. A consumer relies on what the released schema promised about the
 * values it reads; the current schema may promise more, never less:
 *
 * <ul>
 *   <li>every property of the released schema still exists, at every depth;
 *   <li>its type(s) are the same or fewer: a new type (integer to string, or null added to a field
 *       that was never null) breaks;
 *   <li>a {@code format}, {@code pattern} or {@code const} it had is unchanged, and no bound
 *       ({@code minimum}, {@code maximum}, {@code minLength}, {@code maxLength}, ...) is loosened;
 *   <li>no {@code enum} value is removed (a rename is a removal). Adding one is allowed: consumers
 *       must tolerate values they do not know, as they ignore fields they do not know;
 *   <li>a required property stays required;
 *   <li>{@code additionalProperties: false} is not newly added: it would forbid the fields the
 *       contract may add later (fields are only ever added);
 *   <li>each conditional rule ({@code allOf}) of the released schema is still there, unchanged: they
 *       promise things like "the amount is set on every event that moves money".
 * </ul>
 *
 * Titles, descriptions, new properties (required or not), new enum values and new rules are free.
 * For topics: every released topic still exists with the same key and the same value schema.
 */
final class ContractCompatibility {

  private static final List<String> LOWER_BOUNDS = List.of("minimum", "exclusiveMinimum", "minLength", "minItems");
  private static final List<String> UPPER_BOUNDS = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems");

  private ContractCompatibility() {}

  /** What in {@code current} would break a consumer of values described by {@code released}; empty if nothing. */
  static List<String> schemaBreaks(JsonNode released, JsonNode current) {
    List<String> breaks = new ArrayList<>();
    compare("", released, current, breaks);
    return breaks;
  }

  /** Released topics that are gone, or whose key or value schema changed; empty if none. */
  static List<String> topicBreaks(JsonNode releasedTopics, JsonNode currentTopics) {
    List<String> breaks = new ArrayList<>();
    for (Map.Entry<String, JsonNode> topic : releasedTopics.path("topics").properties()) {
      JsonNode now = currentTopics.path("topics").path(topic.getKey());
      if (now.isMissingNode()) {
        breaks.add("topic " + topic.getKey() + " removed");
        continue;
      }
      for (String aspect : List.of("key", "value")) {
        JsonNode before = topic.getValue().path(aspect);
        if (!before.equals(now.path(aspect))) {
          breaks.add("topic " + topic.getKey() + ": " + aspect + " " + before + " became " + shown(now.path(aspect)));
        }
      }
    }
    return breaks;
  }

  /** The JSON types a schema allows, from its {@code type}, {@code enum} or {@code const}; empty when any. */
  static Set<String> types(JsonNode schema) {
    Set<String> types = new TreeSet<>();
    JsonNode type = schema.path("type");
    if (type.isString()) {
      types.add(type.stringValue());
    } else if (type.isArray()) {
      type.values().forEach(each -> types.add(each.stringValue()));
    } else if (schema.has("enum")) {
      schema.get("enum").values().forEach(value -> types.add(jsonType(value)));
    } else if (schema.has("const")) {
      types.add(jsonType(schema.get("const")));
    }
    return types;
  }

  private static void compare(String path, JsonNode released, JsonNode current, List<String> breaks) {
    String where = path.isEmpty() ? "the value" : "field " + path;

    Set<String> typesBefore = types(released);
    Set<String> typesNow = types(current);
    if (!typesBefore.isEmpty() && !narrowerOrSame(typesNow, typesBefore)) {
      breaks.add(where + ": type " + typesBefore + " became " + (typesNow.isEmpty() ? "any" : typesNow));
    }

    for (String keyword : List.of("const", "format", "pattern")) {
      if (released.has(keyword) && !released.get(keyword).equals(current.get(keyword))) {
        breaks.add(where + ": " + keyword + " " + released.get(keyword) + " became " + shown(current.path(keyword)));
      }
    }

    Set<String> valuesBefore = enumValues(released);
    if (!valuesBefore.isEmpty()) {
      if (!current.has("enum")) {
        breaks.add(where + ": no longer lists its values " + valuesBefore);
      } else {
        Set<String> removed = new TreeSet<>(valuesBefore);
        removed.removeAll(enumValues(current));
        if (!removed.isEmpty()) {
          breaks.add(where + ": values removed " + removed);
        }
      }
    }

    for (String bound : LOWER_BOUNDS) {
      if (released.has(bound) && (!current.has(bound)
          || current.get(bound).decimalValue().compareTo(released.get(bound).decimalValue()) < 0)) {
        breaks.add(where + ": " + bound + " " + released.get(bound) + " loosened to " + shown(current.path(bound)));
      }
    }
    for (String bound : UPPER_BOUNDS) {
      if (released.has(bound) && (!current.has(bound)
          || current.get(bound).decimalValue().compareTo(released.get(bound).decimalValue()) > 0)) {
        breaks.add(where + ": " + bound + " " + released.get(bound) + " loosened to " + shown(current.path(bound)));
      }
    }

    Set<String> requiredNow = new LinkedHashSet<>();
    current.path("required").values().forEach(name -> requiredNow.add(name.stringValue()));
    for (JsonNode name : released.path("required").values()) {
      if (!requiredNow.contains(name.stringValue())) {
        breaks.add("field " + child(path, name.stringValue()) + " no longer required");
      }
    }

    if (isFalse(current.path("additionalProperties")) && !isFalse(released.path("additionalProperties"))) {
      breaks.add(where + ": additionalProperties false added, which forbids the fields the contract may add");
    }

    for (Map.Entry<String, JsonNode> property : released.path("properties").properties()) {
      JsonNode now = current.path("properties").path(property.getKey());
      if (now.isMissingNode()) {
        breaks.add("field " + child(path, property.getKey()) + " removed");
      } else {
        compare(child(path, property.getKey()), property.getValue(), now, breaks);
      }
    }

    if (released.has("items")) {
      compare(path + "[]", released.get("items"), current.path("items"), breaks);
    }

    List<JsonNode> rulesNow = new ArrayList<>(current.path("allOf").values());
    for (JsonNode rule : released.path("allOf").values()) {
      if (!rulesNow.contains(rule)) {
        breaks.add(where + ": rule removed or changed: " + rule);
      }
    }
  }

  private static boolean narrowerOrSame(Set<String> now, Set<String> before) {
    return !now.isEmpty() && now.stream()
        .allMatch(type -> before.contains(type) || ("integer".equals(type) && before.contains("number")));
  }

  /** The enumerated values, without null (which counts as a type). */
  private static Set<String> enumValues(JsonNode schema) {
    Set<String> values = new TreeSet<>();
    schema.path("enum").values().stream()
        .filter(value -> !value.isNull())
        .forEach(value -> values.add(value.isString() ? value.stringValue() : value.toString()));
    return values;
  }

  private static String jsonType(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isString()) {
      return "string";
    }
    if (value.isIntegralNumber()) {
      return "integer";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isArray() ? "array" : "object";
  }

  private static boolean isFalse(JsonNode node) {
    return node.isBoolean() && !node.booleanValue();
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String shown(JsonNode node) {
    return node.isMissingNode() ? "none" : node.toString();
  }
}
