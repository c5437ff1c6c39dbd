package com.kafkaledger.processor.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandRulesTest {

  @Test
  void aTransactionIdMustBeAUuidInItsTextForm() {
    for (int i = 0; i < 1_000; i++) {
      String id = UUID.randomUUID().toString();
      assertThat(CommandRules.isUuid(id)).as(id).isTrue();
      assertThat(CommandRules.isUuid(id.toUpperCase())).as(id.toUpperCase()).isTrue();
    }
    assertThat(CommandRules.isUuid("00000000-0000-0000-0000-000000000000")).isTrue();

    assertThat(CommandRules.isUuid("")).isFalse();
    assertThat(CommandRules.isUuid("deposit-42")).isFalse();
    assertThat(CommandRules.isUuid("0c9f2d3e-1b2a-4c5d-8e9f-0a1b2c3d4e5")).as("35 characters").isFalse();
    assertThat(CommandRules.isUuid("0c9f2d3e-1b2a-4c5d-8e9f-0a1b2c3d4e5f0")).as("37 characters").isFalse();
    assertThat(CommandRules.isUuid("0c9f2d3e1b2a-4c5d-8e9f-0a1b2c3d4e5f0")).as("hyphen missing").isFalse();
    assertThat(CommandRules.isUuid("0c9f2d3g-1b2a-4c5d-8e9f-0a1b2c3d4e5f")).as("not hexadecimal").isFalse();
    assertThat(CommandRules.isUuid("0c9f2d3\uFF11-1b2a-4c5d-8e9f-0a1b2c3d4e5f")).as("a fullwidth digit").isFalse();
    assertThat(CommandRules.isUuid("{c9f2d3e-1b2a-4c5d-8e9f-0a1b2c3d4e5f}")).isFalse();
  }

  @Test
  void aDescriptionWithANulCharacterBreaksTheContract() {
    String account = UUID.randomUUID().toString();
    LedgerCommand withNul = LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT, account,
        "owner", 5, "EUR", "tea\u0000", "fp", Instant.now());
    LedgerCommand without = LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT, account,
        "owner", 5, "EUR", "tea", "fp", Instant.now());

    assertThat(CommandRules.refusal(withNul)).startsWith("description");
    assertThat(CommandRules.refusal(without)).isNull();
  }
}
