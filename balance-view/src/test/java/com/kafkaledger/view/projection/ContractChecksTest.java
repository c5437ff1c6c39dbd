package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContractChecksTest {

  /** PostgreSQL cannot store U+0000: such a record is skipped instead of failing its batch at every retry. */
  @Test
  void aCommandWhoseDescriptionHoldsANulCharacterIsNotStored() {
    String account = UUID.randomUUID().toString();

    assertThatThrownBy(() -> ContractChecks.checkCommand(deposit(account, "tea\u0000")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("description");
    assertThatCode(() -> ContractChecks.checkCommand(deposit(account, "tea"))).doesNotThrowAnyException();
  }

  private static LedgerCommand deposit(String account, String description) {
    return LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT, account, "owner", 5, "EUR",
        description, "fp", Instant.now());
  }
}
