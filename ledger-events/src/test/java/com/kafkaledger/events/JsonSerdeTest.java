package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  private final JsonSerde<LedgerCommand> commands = JsonSerde.commands();

  @Test
  void commandSurvivesARoundTripWithItsInstantAsIsoText() {
    LedgerCommand command = LedgerCommand.movement("3f1c1b9e-8d63-4c38-9a57-0d1b1f0a2c11",
        CommandType.WITHDRAWAL, "7d4b8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "alice", 42L, "EUR",
        "rent", "fp", Instant.parse("2026-11-22T10:15:30Z"));

    byte[] bytes = commands.serialize(Topics.COMMANDS, command);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"requestedAt\":\"2026-11-22T10:15:30Z\"")
        .contains("\"amount\":42");
    assertThat(commands.deserialize(Topics.COMMANDS, bytes)).isEqualTo(command);
  }

  @Test
  void readerIgnoresFieldsItDoesNotKnow() {
    String json = "{\"schemaVersion\":1,\"transactionId\":\"t\",\"type\":\"DEPOSIT\","
        + "\"accountId\":\"a\",\"currency\":\"EUR\",\"amount\":5,\"addedLater\":true}";

    LedgerCommand command = commands.deserialize(Topics.COMMANDS, json.getBytes(StandardCharsets.UTF_8));

    assertThat(command.amount()).isEqualTo(5L);
  }

  @Test
  void garbageIsASerializationException() {
    assertThatThrownBy(() -> commands.deserialize(Topics.COMMANDS, "]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
    assertThatThrownBy(() -> commands.deserialize(Topics.COMMANDS, "{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class);
  }
}
