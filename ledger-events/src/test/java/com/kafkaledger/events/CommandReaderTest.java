package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The fast reader must read exactly what Jackson's data binding reads, or leave it to Jackson. */
class CommandReaderTest {

  private final JsonSerde<LedgerCommand> serde = JsonSerde.commands();
  private final JsonSerde<LedgerCommand> jacksonOnly = new JsonSerde<>(LedgerCommand.class);

  @Test
  void readsEveryCommandTheServicesWriteAsJacksonDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      LedgerCommand command = randomCommand(random);
      byte[] bytes = LedgerJson.toBytes(command);

      LedgerCommand read = CommandReader.read(bytes);

      assertThat(read).as("read itself, not left to Jackson: %s", json(bytes)).isNotNull();
      assertThat(read).isEqualTo(command).isEqualTo(jacksonOnly.deserialize(Topics.COMMANDS, bytes));
    }
  }

  @Test
  void otherFieldOrdersAndUnknownFieldsAreReadAsBefore() {
    String json = "{\"futureField\":{\"nested\":[1,{\"a\":null}]},\"currency\":\"EUR\",\"amount\":5,"
        + "\"type\":\"DEPOSIT\",\"accountId\":\"a\",\"transactionId\":\"t\",\"description\":"
        + "\"caf\\u00e9 \\\"quoted\\\" \\n\",\"schemaVersion\":1,\"later\":[],\"leg\":null}";

    LedgerCommand read = serde.deserialize(Topics.COMMANDS, bytes(json));

    assertThat(read).isEqualTo(jacksonOnly.deserialize(Topics.COMMANDS, bytes(json)));
    assertThat(read.description()).isEqualTo("café \"quoted\" \n");
    assertThat(read.amount()).isEqualTo(5L);
  }

  /** Each of these is Jackson's to accept, coerce or refuse; the serde must answer exactly as before. */
  @Test
  void leavesEverythingUnusualToJackson() {
    String usual = "\"transactionId\":\"t\",\"type\":\"DEPOSIT\",\"accountId\":\"a\",\"currency\":\"EUR\"";
    List<String> unusual = List.of(
        "{\"schemaVersion\":\"1\"," + usual + "}",
        "{\"schemaVersion\":1.0," + usual + "}",
        "{\"schemaVersion\":2147483648," + usual + "}",
        "{\"schemaVersion\":null," + usual + "}",
        "{" + usual + "}",
        "{\"schemaVersion\":1," + usual + ",\"amount\":5.0}",
        "{\"schemaVersion\":1," + usual + ",\"amount\":\"5\"}",
        "{\"schemaVersion\":1," + usual + ",\"amount\":99999999999999999999}",
        "{\"schemaVersion\":1," + usual + ",\"amount\":5,\"amount\":6}",
        "{\"schemaVersion\":1," + usual + ",\"currency\":\"USD\"}",
        "{\"schemaVersion\":1," + usual + ",\"leg\":\"debit\"}",
        "{\"schemaVersion\":1," + usual + ",\"leg\":0}",
        "{\"schemaVersion\":1," + usual + ",\"leg\":\"\"}",
        "{\"schemaVersion\":1," + usual + ",\"initiatorRole\":\"ROOT\"}",
        "{\"schemaVersion\":1," + usual + ",\"description\":42}",
        "{\"schemaVersion\":1," + usual + ",\"description\":[\"x\"]}",
        "{\"schemaVersion\":1," + usual + ",\"requestedAt\":\"2026-11-22T10:15:30+01:00\"}",
        "{\"schemaVersion\":1," + usual + ",\"requestedAt\":1700000000}",
        "{\"schemaVersion\":1," + usual + ",\"requestedAt\":\"2026-02-30T10:15:30Z\"}",
        "{\"schemaVersion\":1,\"type\":\"DEPOSIT\",\"accountId\":\"a\",\"currency\":\"EUR\"}",
        "{\"schemaVersion\":1," + usual + "} {}",
        "{\"schemaVersion\":1," + usual + "} x",
        "{\"schemaVersion\":1," + usual,
        "[{\"schemaVersion\":1," + usual + "}]",
        "null",
        "{}",
        "\"text\"",
        "");
    // and the services' own form, each time with one thing changed
    String full = json(LedgerJson.toBytes(LedgerCommand.movement("t", CommandType.DEPOSIT, "a", "alice", 5, "EUR",
        "rent", "fp", Instant.parse("2026-11-22T10:15:30.123Z"))));
    List<String> changed = List.of(
        full.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
        full.replace("\"schemaVersion\":1", "\"schemaVersion\":2147483648"),
        full.replace("\"amount\":5", "\"amount\":5.0"),
        full.replace("\"amount\":5", "\"amount\":\"5\""),
        full.replace("\"amount\":5", "\"amount\":99999999999999999999"),
        full.replace("\"type\":\"DEPOSIT\"", "\"type\":\"deposit\""),
        full.replace("\"type\":\"DEPOSIT\"", "\"type\":1"),
        full.replace("\"type\":\"DEPOSIT\"", "\"type\":null"),
        full.replace("\"currency\":\"EUR\"", "\"currency\":978"),
        full.replace("\"leg\":null", "\"leg\":\"SIDEWAYS\""),
        full.replace("\"initiatorRole\":null", "\"initiatorRole\":\"\""),
        full.replace("\"description\":\"rent\"", "\"description\":[\"rent\"]"),
        full.replace("2026-11-22T10:15:30.123Z", "2026-11-22T11:15:30.123+01:00"),
        full.replace("2026-11-22T10:15:30.123Z", "2026-02-30T10:15:30Z"),
        full.replace("\"requestedAt\":\"2026-11-22T10:15:30.123Z\"", "\"requestedAt\":1700000000"),
        full.replace("\"accountId\":\"a\",", ""),
        full.replace("}", ",\"amount\":6}"),
        full.replace("}", ",\"addedLater\":true}"),
        full + " {}",
        full + " x",
        full.substring(0, full.length() - 1));
    assertThat(CommandReader.read(bytes(full))).isNotNull();
    for (String json : Stream.concat(unusual.stream(), changed.stream()).toList()) {
      LedgerCommand fast = CommandReader.read(bytes(json));
      Object jackson = outcome(jacksonOnly, json);

      assertThat(outcome(serde, json)).as(json).isEqualTo(jackson);
      if (fast != null) {
        assertThat(fast).as(json).isEqualTo(jackson);
      }
    }
  }

  /** The value, or the refusal's class and message. */
  private static Object outcome(JsonSerde<LedgerCommand> serde, String json) {
    try {
      return serde.deserialize(Topics.COMMANDS, bytes(json));
    } catch (SerializationException refused) {
      return "refused: " + refused.getMessage();
    }
  }

  /** Commands of every type and leg, as the gateway and the ledger write them. */
  static LedgerCommand randomCommand(Random random) {
    String transactionId = UUID.randomUUID().toString();
    String account = UUID.randomUUID().toString();
    String other = UUID.randomUUID().toString();
    String initiator = random.nextBoolean() ? UUID.randomUUID().toString() : "alice";
    String currency = random.nextBoolean() ? "EUR" : "USD";
    long amount = random.nextBoolean() ? 1 + random.nextInt(100_000) : 1 + (random.nextLong() >>> 14);
    String description = switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "rent for \"flat\" 3, café ✓ \\ \n\t";
      default -> "top-up " + random.nextInt();
    };
    String fingerprint = random.nextInt(10) == 0 ? null : Integer.toHexString(random.nextInt());
    Instant requestedAt = random.nextInt(10) == 0 ? null
        : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
    CommandType[] types = CommandType.values();
    CommandType type = types[random.nextInt(types.length)];
    LedgerCommand command = switch (type) {
      case OPEN_ACCOUNT -> LedgerCommand.openAccount(transactionId, account, initiator,
          AccountKind.values()[random.nextInt(AccountKind.values().length)], currency, fingerprint, requestedAt);
      case DEPOSIT, WITHDRAWAL -> LedgerCommand.movement(transactionId, type, account, initiator, amount,
          currency, description, fingerprint, requestedAt);
      case TRANSFER, CHARGE -> {
        LedgerCommand debit = LedgerCommand.debitLeg(transactionId, type, account, other, initiator, amount,
            currency, description, fingerprint, requestedAt);
        yield switch (random.nextInt(3)) {
          case 0 -> debit;
          case 1 -> debit.creditLeg();
          default -> debit.creditLeg().reversalLeg(
              RejectionReason.values()[random.nextInt(RejectionReason.values().length)]);
        };
      }
      case CLOSE_ACCOUNT -> LedgerCommand.closeAccount(transactionId, account, initiator, currency,
          fingerprint, requestedAt);
      case SET_OVERDRAFT_LIMIT -> LedgerCommand.setOverdraftLimit(transactionId, account, initiator, currency,
          random.nextInt(1_000_000), fingerprint, requestedAt);
    };
    return random.nextBoolean() ? command.byRole(Role.values()[random.nextInt(Role.values().length)]) : command;
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String json(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
