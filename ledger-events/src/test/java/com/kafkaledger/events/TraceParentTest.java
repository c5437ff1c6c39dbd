package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceParentTest {

  private static final String VALID = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void readsTheTraceAndSpanIdsOfTheLastTraceparentHeader() {
    var headers = new RecordHeaders()
        .add(TraceParent.HEADER, bytes("00-11111111111111111111111111111111-2222222222222222-00"))
        .add(TraceParent.HEADER, bytes(VALID));

    assertThat(TraceParent.of(headers))
        .isEqualTo(new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
  }

  @Test
  void aLaterVersionWithMoreFieldsIsRead() {
    assertThat(TraceParent.parse(bytes("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-more")))
        .isEqualTo(new TraceParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
  }

  @Test
  void noHeaderIsNoTraceContext() {
    assertThat(TraceParent.of(new RecordHeaders())).isNull();
    assertThat(TraceParent.of(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
      "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
      "00-00000000000000000000000000000000-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
      "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01x",
      "00-0af7651916cd43dd8448eb211c8031zz-b7ad6b7169203331-01"})
  void aMalformedHeaderIsNoTraceContext(String value) {
    assertThat(TraceParent.parse(bytes(value))).isNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
