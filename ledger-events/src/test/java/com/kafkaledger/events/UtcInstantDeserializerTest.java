package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class UtcInstantDeserializerTest {

  private record Stamped(Instant at) {}

  private static Instant read(String jsonValue) {
    return LedgerJson.MAPPER.readValue("{\"at\":" + jsonValue + "}", Stamped.class).at();
  }

  @Test
  void readsWhatTheServicesWriteExactlyAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(7);
    long lastSecondOf9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      // every precision Instant.toString writes: whole seconds, millis, micros, nanos
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, lastSecondOf9999 + 1), nanos);
      String text = instant.toString();

      assertThat(UtcInstantDeserializer.parseUtc(text)).as(text).isEqualTo(instant);
      assertThat(LedgerJson.MAPPER.readValue(LedgerJson.toBytes(new Stamped(instant)), Stamped.class).at())
          .isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T10:15:30.1Z", "2026-11-22T10:15:30.12345Z", "2024-02-29T00:00:00Z",
      "1970-01-01T00:00:00.000000000Z", "0000-01-01T00:00:00Z"})
  void readsEveryFractionLengthLikeInstantParse(String text) {
    assertThat(read("\"" + text + "\"")).isEqualTo(Instant.parse(text));
  }

  /** Jackson's own reading of instants, as it was before the fast path. */
  private static final JsonMapper JACKSON_ALONE = JsonMapper.builder().build();

  private static Object readByJacksonAlone(String jsonValue) {
    try {
      return JACKSON_ALONE.readValue("{\"at\":" + jsonValue + "}", Stamped.class).at();
    } catch (JacksonException refused) {
      return JacksonException.class;
    }
  }

  private static Object readByLedger(String jsonValue) {
    try {
      return read(jsonValue);
    } catch (JacksonException refused) {
      return JacksonException.class;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"2026-11-22T11:15:30+01:00\"", "\"2026-11-22T10:15:30.5+00:00\"",
      "\"+12026-11-22T10:15:30Z\"", "\"2026-11-22T24:00:00Z\"", "\"2026-11-22T10:15:30.Z\"",
      "\"2026-11-22T23:59:60Z\"", "1700000000", "1700000000.5", "null", "\"\""})
  void leavesOtherFormsToJacksonsReaderWithTheSameAnswer(String jsonValue) {
    if (jsonValue.startsWith("\"")) {
      assertThat(UtcInstantDeserializer.parseUtc(jsonValue.substring(1, jsonValue.length() - 1))).isNull();
    }
    assertThat(readByLedger(jsonValue)).isEqualTo(readByJacksonAlone(jsonValue));
  }

  @Test
  void offsetsAndNumbersStillRead() {
    assertThat(read("\"2026-11-22T11:15:30+01:00\"")).isEqualTo(Instant.parse("2026-11-22T10:15:30Z"));
    assertThat(read("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-11-22T10:60:30Z", "2026-11-22T10:15:30.1234567890Z",
      "2026-11-22 10:15:30Z", "2026-1x-22T10:15:30Z", "yesterday"})
  void refusesWhatIsNoInstant(String text) {
    assertThat(UtcInstantDeserializer.parseUtc(text)).isNull();
    assertThatThrownBy(() -> read("\"" + text + "\"")).isInstanceOf(JacksonException.class);
  }
}
