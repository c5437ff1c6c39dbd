package com.kafkaledger.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the instants the services write ({@code 2026-11-22T10:15:30.123456Z}: UTC, 0 to 9 digits of
 * fraction) without {@code DateTimeFormatter}, whose general parser was about a third of the
 * ledger's command parsing. Anything else, an offset, a number, a malformed or impossible date, goes
 * to Jackson's own reader, so what is accepted and the errors are the same as before.
 */
final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {

  private static final int SHORTEST = "0000-00-00T00:00:00Z".length();

  UtcInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      Instant instant = parseUtc(parser.getString());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }

  /** The instant, or null if the text is not exactly {@code uuuu-MM-ddTHH:mm:ss[.fraction]Z}. */
  static Instant parseUtc(String text) {
    int length = text.length();
    if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    int nanos = fraction(text, 19, length - 1);
    if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException impossibleDate) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal number in text[from, to), or -1 if a character is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Nanoseconds of an empty text or of "." and 1 to 9 digits in text[from, to); else -1. */
  private static int fraction(String text, int from, int to) {
    if (from == to) {
      return 0;
    }
    if (text.charAt(from) != '.' || to - from < 2) {
      return -1;
    }
    int value = digits(text, from + 1, to);
    if (value < 0) {
      return -1;
    }
    for (int scale = to - from - 1; scale < 9; scale++) {
      value *= 10;
    }
    return value;
  }
}
