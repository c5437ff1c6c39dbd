package com.kafkaledger.events;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Reads a {@link LedgerCommand} in the form the services write it, straight from the token stream.
 * Jackson's data binding of the record (properties buffered by name, then its constructor called
 * through {@code MethodHandle.invokeWithArguments}) was a fifth of the ledger's stream thread.
 *
 * <p>It only reads what it is sure of: one object with every field of the record, in the record's
 * order (the order Jackson writes them in), each with the token type the contract gives it (text,
 * an integer that fits, null). Anything else, another order, a field added later, a coercion
 * Jackson would make, an unknown enum name, trailing input, malformed JSON, returns null, and the
 * caller reads the same bytes with Jackson's data binding as before. So what is accepted, what it
 * becomes and the errors stay Jackson's.
 */
final class CommandReader {

  /** Not the usual form: Jackson decides. Made once, without a stack trace: it is only a way out. */
  private static final NotUsual NOT_USUAL = new NotUsual();

  // Matched against the input's bytes, without making a String of each name.
  private static final SerializableString SCHEMA_VERSION = new SerializedString("schemaVersion");
  private static final SerializableString TRANSACTION_ID = new SerializedString("transactionId");
  private static final SerializableString TYPE = new SerializedString("type");
  private static final SerializableString ACCOUNT_ID = new SerializedString("accountId");
  private static final SerializableString INITIATOR_ID = new SerializedString("initiatorId");
  private static final SerializableString AMOUNT = new SerializedString("amount");
  private static final SerializableString CURRENCY = new SerializedString("currency");
  private static final SerializableString DESCRIPTION = new SerializedString("description");
  private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
  private static final SerializableString REQUESTED_AT = new SerializedString("requestedAt");
  private static final SerializableString LEG = new SerializedString("leg");
  private static final SerializableString COUNTERPARTY_ACCOUNT_ID = new SerializedString("counterpartyAccountId");
  private static final SerializableString ACCOUNT_KIND = new SerializedString("accountKind");
  private static final SerializableString OVERDRAFT_LIMIT = new SerializedString("overdraftLimit");
  private static final SerializableString REASON = new SerializedString("reason");
  private static final SerializableString INITIATOR_ROLE = new SerializedString("initiatorRole");

  private CommandReader() {}

  /** The command, or null when Jackson's data binding must decide. */
  static LedgerCommand read(byte[] bytes) {
    try (JsonParser parser = LedgerJson.MAPPER.createParser(bytes)) {
      return read(parser);
    } catch (NotUsual | JacksonException | IllegalArgumentException | NullPointerException notSure) {
      return null; // another form, an unknown enum name, a required field missing, malformed input
    }
  }

  private static LedgerCommand read(JsonParser parser) {
    expect(parser.nextToken() == JsonToken.START_OBJECT);
    expect(parser.nextName(SCHEMA_VERSION) && parser.nextToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT);
    int schemaVersion = parser.getIntValue();
    LedgerCommand command = new LedgerCommand(schemaVersion,
        text(parser, TRANSACTION_ID),
        enumOrNull(CommandType.class, text(parser, TYPE)),
        text(parser, ACCOUNT_ID),
        text(parser, INITIATOR_ID),
        whole(parser, AMOUNT),
        text(parser, CURRENCY),
        text(parser, DESCRIPTION),
        text(parser, FINGERPRINT),
        instant(parser, REQUESTED_AT),
        enumOrNull(Leg.class, text(parser, LEG)),
        text(parser, COUNTERPARTY_ACCOUNT_ID),
        enumOrNull(AccountKind.class, text(parser, ACCOUNT_KIND)),
        whole(parser, OVERDRAFT_LIMIT),
        enumOrNull(RejectionReason.class, text(parser, REASON)),
        enumOrNull(Role.class, text(parser, INITIATOR_ROLE)));
    expect(parser.nextToken() == JsonToken.END_OBJECT && parser.nextToken() == null);
    return command;
  }

  /** The named field's text, or null for a JSON null. */
  private static String text(JsonParser parser, SerializableString name) {
    expect(parser.nextName(name));
    JsonToken value = parser.nextToken();
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(value == JsonToken.VALUE_STRING);
    return parser.getString();
  }

  /** The named field as a long written as a JSON integer, or null for a JSON null. */
  private static Long whole(JsonParser parser, SerializableString name) {
    expect(parser.nextName(name));
    JsonToken value = parser.nextToken();
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(value == JsonToken.VALUE_NUMBER_INT && (parser.getNumberType() == JsonParser.NumberType.INT
        || parser.getNumberType() == JsonParser.NumberType.LONG));
    return parser.getLongValue();
  }

  /** The named field as the services write instants, or null for a JSON null. */
  private static Instant instant(JsonParser parser, SerializableString name) {
    String text = text(parser, name);
    if (text == null) {
      return null;
    }
    Instant instant = UtcInstantDeserializer.parseUtc(text);
    expect(instant != null);
    return instant;
  }

  /** Throws IllegalArgumentException for an unknown name. */
  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static void expect(boolean usual) {
    if (!usual) {
      throw NOT_USUAL;
    }
  }

  private static final class NotUsual extends RuntimeException {
    NotUsual() {
      super("not the usual form of a command", null, false, false);
    }
  }
}
