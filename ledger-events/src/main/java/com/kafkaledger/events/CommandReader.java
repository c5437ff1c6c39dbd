package com.kafkaledger.events;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a {@link LedgerCommand} as the services write it, straight from the token stream. Jackson's
 * data binding of the record (properties buffered by name, then its constructor called through
 * {@code MethodHandle.invokeWithArguments}) was a fifth of the ledger's stream thread.
 *
 * <p>It only reads what it is sure of: one object of known fields, each at most once, with exactly
 * the token type the contract gives it (text, an integer that fits, null). Anything else, a coercion
 * Jackson would make, a field given twice, an unknown enum name, trailing input, malformed JSON,
 * returns null, and the caller reads the same bytes with Jackson's data binding as before. So what
 * is accepted, what it becomes and the errors stay Jackson's. Unknown fields are skipped, as the
 * tolerant mapper does.
 */
final class CommandReader {

  private CommandReader() {}

  /** The command, or null when Jackson's data binding must decide. */
  static LedgerCommand read(byte[] bytes) {
    try (JsonParser parser = LedgerJson.MAPPER.createParser(bytes)) {
      return read(parser);
    } catch (JacksonException | IllegalArgumentException | NullPointerException notSure) {
      return null;
    }
  }

  private static LedgerCommand read(JsonParser parser) {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Fields fields = new Fields();
    String name;
    while ((name = parser.nextName()) != null) {
      JsonToken value = parser.nextToken();
      if (!fields.read(name, value, parser)) {
        return null;
      }
    }
    if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
      return null;
    }
    return fields.command();
  }

  /** The fields read so far; {@link #read} says whether it was sure of one. */
  private static final class Fields {
    private int seen; // one bit per known field: a second occurrence goes to Jackson
    private Integer schemaVersion;
    private String transactionId;
    private CommandType type;
    private String accountId;
    private String initiatorId;
    private Long amount;
    private String currency;
    private String description;
    private String fingerprint;
    private Instant requestedAt;
    private Leg leg;
    private String counterpartyAccountId;
    private AccountKind accountKind;
    private Long overdraftLimit;
    private RejectionReason reason;
    private Role initiatorRole;

    boolean read(String name, JsonToken value, JsonParser parser) {
      int bit = bitOf(name);
      if (bit == 0) {
        parser.skipChildren(); // a field added to the contract later
        return true;
      }
      if ((seen & bit) != 0) {
        return false;
      }
      seen |= bit;
      boolean isNull = value == JsonToken.VALUE_NULL;
      return switch (name) {
        case "schemaVersion" -> (schemaVersion = integer(value, parser)) != null;
        case "amount" -> isNull || (amount = whole(value, parser)) != null;
        case "overdraftLimit" -> isNull || (overdraftLimit = whole(value, parser)) != null;
        default -> isNull || value == JsonToken.VALUE_STRING && text(name, parser.getString());
      };
    }

    private static int bitOf(String name) {
      return switch (name) {
        case "schemaVersion" -> 1;
        case "transactionId" -> 1 << 1;
        case "type" -> 1 << 2;
        case "accountId" -> 1 << 3;
        case "initiatorId" -> 1 << 4;
        case "amount" -> 1 << 5;
        case "currency" -> 1 << 6;
        case "description" -> 1 << 7;
        case "fingerprint" -> 1 << 8;
        case "requestedAt" -> 1 << 9;
        case "leg" -> 1 << 10;
        case "counterpartyAccountId" -> 1 << 11;
        case "accountKind" -> 1 << 12;
        case "overdraftLimit" -> 1 << 13;
        case "reason" -> 1 << 14;
        case "initiatorRole" -> 1 << 15;
        default -> 0;
      };
    }

    private boolean text(String name, String text) {
      switch (name) {
        case "transactionId" -> transactionId = text;
        case "type" -> type = CommandType.valueOf(text);
        case "accountId" -> accountId = text;
        case "initiatorId" -> initiatorId = text;
        case "currency" -> currency = text;
        case "description" -> description = text;
        case "fingerprint" -> fingerprint = text;
        case "requestedAt" -> requestedAt = UtcInstantDeserializer.parseUtc(text);
        case "leg" -> leg = Leg.valueOf(text);
        case "counterpartyAccountId" -> counterpartyAccountId = text;
        case "accountKind" -> accountKind = AccountKind.valueOf(text);
        case "reason" -> reason = RejectionReason.valueOf(text);
        case "initiatorRole" -> initiatorRole = Role.valueOf(text);
        default -> throw new IllegalStateException("not a text field: " + name);
      }
      return !name.equals("requestedAt") || requestedAt != null;
    }

    /** An int written as a JSON integer, or null. */
    private static Integer integer(JsonToken value, JsonParser parser) {
      return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
          ? parser.getIntValue() : null;
    }

    /** A long written as a JSON integer, or null. */
    private static Long whole(JsonToken value, JsonParser parser) {
      if (value != JsonToken.VALUE_NUMBER_INT) {
        return null;
      }
      JsonParser.NumberType size = parser.getNumberType();
      return size == JsonParser.NumberType.INT || size == JsonParser.NumberType.LONG ? parser.getLongValue() : null;
    }

    /** The command; null without a schema version (the record checks the other fields it needs). */
    LedgerCommand command() {
      if (schemaVersion == null) {
        return null;
      }
      return new LedgerCommand(schemaVersion, transactionId, type, accountId, initiatorId, amount, currency,
          description, fingerprint, requestedAt, leg, counterpartyAccountId, accountKind, overdraftLimit,
          reason, initiatorRole);
    }
  }
}
