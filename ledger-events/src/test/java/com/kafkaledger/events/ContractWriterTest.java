package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractWriterTest {

  /** The events are the public contract: the same bytes as Jackson's data binding, always. */
  @Test
  void writesTheBytesJacksonWrites() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      LedgerEvent event = randomEvent(random);

      byte[] written = ContractWriter.event(event);

      assertThat(new String(written, StandardCharsets.UTF_8))
          .isEqualTo(new String(LedgerJson.MAPPER.writeValueAsBytes(event), StandardCharsets.UTF_8));
      assertThat(JsonSerde.events().deserialize(Topics.EVENTS, written)).isEqualTo(event);
    }
  }

  /** Commands are read by other services' versions too: the same bytes as Jackson's, always. */
  @Test
  void writesTheCommandBytesJacksonWrites() {
    Random random = new Random(13);
    for (int i = 0; i < 20_000; i++) {
      LedgerCommand command = CommandReaderTest.randomCommand(random);

      byte[] written = ContractWriter.command(command);

      assertThat(new String(written, StandardCharsets.UTF_8))
          .isEqualTo(new String(LedgerJson.MAPPER.writeValueAsBytes(command), StandardCharsets.UTF_8));
      assertThat(LedgerJson.fromBytes(written, LedgerCommand.class)).isEqualTo(command);
    }
  }

  @Test
  void isWhatTheSerdesWrite() {
    Random random = new Random(3);
    LedgerEvent event = randomEvent(random);
    LedgerCommand command = CommandReaderTest.randomCommand(random);

    assertThat(JsonSerde.events().serialize(Topics.EVENTS, event)).isEqualTo(ContractWriter.event(event));
    assertThat(JsonSerde.commands().serialize(Topics.COMMANDS, command)).isEqualTo(ContractWriter.command(command));
  }

  private static LedgerEvent randomEvent(Random random) {
    EventType type = pick(random, EventType.values());
    boolean noAccount = random.nextInt(8) == 0;
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        pick(random, CommandType.values()), UUID.randomUUID().toString(), noAccount ? 0 : 1 + random.nextInt(1000),
        type, random.nextInt(5) == 0 ? null : (random.nextBoolean() ? random.nextLong() : random.nextInt(1000)),
        random.nextBoolean() ? "EUR" : "USD", noAccount ? null : random.nextLong(),
        random.nextBoolean() ? null : (long) random.nextInt(1_000_000),
        random.nextBoolean() ? null : UUID.randomUUID().toString(),
        random.nextBoolean() ? null : pick(random, RejectionReason.values()),
        switch (random.nextInt(4)) {
          case 0 -> null;
          case 1 -> "";
          case 2 -> "rent for \"flat\" 3, café ✓ \\ \n\t\u0001 \uD83D\uDCB6 </script>";
          default -> "top-up " + random.nextInt();
        },
        random.nextBoolean() ? null : UUID.randomUUID().toString(), "alice-" + random.nextInt(10),
        random.nextInt(10) == 0 ? null : Instant.ofEpochSecond(random.nextInt(2_000_000_000),
            switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> random.nextInt(1000) * 1_000_000;
              case 2 -> random.nextInt(1_000_000) * 1000;
              default -> random.nextInt(1_000_000_000);
            }),
        noAccount ? null : pick(random, AccountKind.values()));
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
