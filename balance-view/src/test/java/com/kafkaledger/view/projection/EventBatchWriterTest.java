package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One poll written in one go. The rows are written straight to the tables, not through the
 * topics, so they are removed afterwards (RebuildTest compares whole tables).
 */
class EventBatchWriterTest extends BalanceViewIntegrationTest {

  private final TestAccount account = TestAccount.inNewCurrency();

  @Autowired
  private EventBatchWriter writer;

  @AfterEach
  void removeRowsTheTopicsDoNotHave() {
    for (String table : List.of("account_entries", "transactions", "accounts")) {
      jdbc.update("DELETE FROM " + table + " WHERE currency = ?", account.currency);
    }
  }

  @Test
  void anEventReadTwiceInOnePollMovesMoneyOnce() {
    LedgerEvent opened = account.opened();
    LedgerEvent deposited = account.deposited(300);

    EventBatchWriter.Outcome outcome = writer.write(List.of(opened, deposited, deposited), Map.of());

    assertThat(outcome.newEntries()).isEqualTo(2);
    assertThat(outcome.alreadyProjected()).isEqualTo(1);
    assertThat(balanceOf(account.id)).isEqualTo(300);
    assertThat(balanceOf(account.systemAccountId())).isEqualTo(-300);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM account_entries WHERE account_id = ?", Long.class,
        UUID.fromString(account.id))).isEqualTo(2);
  }

  private long balanceOf(String accountId) {
    return jdbc.queryForObject("SELECT balance FROM accounts WHERE account_id = ?", Long.class,
        UUID.fromString(accountId));
  }
}
