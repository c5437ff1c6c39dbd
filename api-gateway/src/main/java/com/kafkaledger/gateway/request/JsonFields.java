package com.kafkaledger.gateway.request;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a JSON request body with the strictness money needs: an amount must be a
 * JSON integer (not 12.5, not "100"), ids must be UUIDs, currencies ISO 4217 codes, and fields
 * nobody asked for are refused. Collects every problem, each naming its field.
 */
public final class JsonFields {

  public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
  public static final int MAX_DESCRIPTION_LENGTH = 500;

  private final JsonNode body;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonFields(JsonNode body) {
    this.body = body;
  }

  /** Refuses a body that is not a JSON object or that has fields outside {@code allowed}. */
  public static JsonFields of(JsonNode body, Set<String> allowed) {
    if (body == null || !body.isObject()) {
      throw InvalidRequestException.of("body", "must be a JSON object");
    }
    JsonFields fields = new JsonFields(body);
    for (String name : body.propertyNames()) {
      if (!allowed.contains(name)) {
        fields.errors.add(new FieldError(name, "is not a field of this request"));
      }
    }
    return fields;
  }

  public String requiredText(String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      errors.add(new FieldError(name, "is required"));
      return null;
    }
    if (!node.isString() || node.stringValue().isBlank()) {
      errors.add(new FieldError(name, "must be a non-empty string"));
      return null;
    }
    return withoutNul(name, node.stringValue());
  }

  public String requiredText(String name, int maxLength) {
    String text = requiredText(name);
    if (text != null && text.length() > maxLength) {
      errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
      return null;
    }
    return text;
  }

  public String optionalText(String name, int maxLength) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      errors.add(new FieldError(name, "must be a string"));
      return null;
    }
    if (node.stringValue().length() > maxLength) {
      errors.add(new FieldError(name, "must be at most " + maxLength + " characters"));
      return null;
    }
    return withoutNul(name, node.stringValue());
  }

  // PostgreSQL's text cannot hold U+0000: the view could never store such a description.
  private String withoutNul(String name, String text) {
    if (text.indexOf(0) >= 0) {
      errors.add(new FieldError(name, "must not contain the NUL character (U+0000)"));
      return null;
    }
    return text;
  }

  public String accountId(String name) {
    String text = requiredText(name);
    if (text != null && !isUuid(text)) {
      errors.add(new FieldError(name, "must be an account id (a UUID)"));
      return null;
    }
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  /** A positive JSON integer of at most 10^15 minor units. */
  public Long amount(String name) {
    return integer(name, 1);
  }

  /** A JSON integer from {@code minimum} to 10^15. */
  public Long integer(String name, long minimum) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      errors.add(new FieldError(name, "is required"));
      return null;
    }
    if (!node.isIntegralNumber()) {
      errors.add(new FieldError(name, "must be a JSON integer in minor units (e.g. 1250 for 12.50)"));
      return null;
    }
    if (!node.canConvertToLong() || node.longValue() < minimum || node.longValue() > MAX_AMOUNT) {
      errors.add(new FieldError(name, "must be between " + minimum + " and " + MAX_AMOUNT));
      return null;
    }
    return node.longValue();
  }

  public String currency(String name) {
    String code = requiredText(name);
    if (code != null && !isIsoCurrency(code)) {
      errors.add(new FieldError(name, "must be an ISO 4217 currency code with minor units, such as EUR"));
      return null;
    }
    return code;
  }

  /** Throws with every collected problem, if there is any. */
  public void validate() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  public static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    try {
      return UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A currency amounts can be counted in: not the codes without minor units (XXX for no currency,
   * XTS for testing, gold and other metals, SDRs), since every amount is in minor units.
   */
  private static boolean isIsoCurrency(String code) {
    if (!code.matches("[A-Z]{3}")) {
      return false;
    }
    try {
      return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
