package com.kafkaledger.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommittedTimesTest {

  @Test
  void findsTheTransactionIdOfAnEventAsTheLedgerWritesIt() {
    String transactionId = UUID.randomUUID().toString();
    LedgerEvent event = new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), transactionId,
        CommandType.DEPOSIT, UUID.randomUUID().toString(), 3, EventType.DEPOSITED, 500L, "EUR", 1_500L, 0L, null,
        null, "top-up with \"transactionId\":\"not-this\"", null, "alice", Instant.parse("2026-11-23T08:00:00Z"));

    assertThat(CommittedTimes.transactionId(LedgerJson.toBytes(event))).isEqualTo(transactionId);
  }

  @Test
  void answersNullForARecordWithoutOne() {
    assertThat(CommittedTimes.transactionId("{\"eventId\":\"e\"}".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(CommittedTimes.transactionId("{\"transactionId\":\"unterminated".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(CommittedTimes.transactionId(new byte[0])).isNull();
  }
}
