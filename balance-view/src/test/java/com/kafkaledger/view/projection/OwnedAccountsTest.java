package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An account's row is moved forward once per batch, whatever the batch holds: it must end where
 * applying the same events one at a time ends. The rows are written straight to the tables, not
 * through the topics, so they are removed afterwards (RebuildTest compares whole tables).
 */
class OwnedAccountsTest extends BalanceViewIntegrationTest {

  @Autowired
  private OwnedAccounts ownedAccounts;

  private final List<String> currencies = new ArrayList<>();

  @AfterEach
  void removeRowsTheTopicsDoNotHave() {
    currencies.forEach(currency -> jdbc.update("DELETE FROM accounts WHERE currency = ?", currency));
  }

  @Test
  void oneUpdatePerBatchEndsWhereTheEventsOneByOneEnd() {
    for (long seed = 1; seed <= 20; seed++) {
      TestAccount oneByOne = TestAccount.inNewCurrency();
      TestAccount batched = TestAccount.of(oneByOne.ownerId, oneByOne.currency);
      currencies.add(oneByOne.currency);
      List<LedgerEvent> reference = script(oneByOne, new Random(seed));
      List<LedgerEvent> events = script(batched, new Random(seed));

      reference.forEach(event -> ownedAccounts.apply(List.of(event)));
      Random random = new Random(seed);
      ownedAccounts.apply(List.of(events.get(0)));
      for (int from = 1; from < events.size(); ) {
        int to = Math.min(events.size(), from + 1 + random.nextInt(8));
        // the batch, shuffled, with some events applied before it (a replay after a rebalance)
        List<LedgerEvent> batch = new ArrayList<>(events.subList(from, to));
        for (int replayed = random.nextInt(3); replayed > 0 && from > 1; replayed--) {
          batch.add(events.get(1 + random.nextInt(from - 1)));
        }
        Collections.shuffle(batch, random);
        ownedAccounts.apply(batch);
        from = to;
      }

      Map<String, Object> expected = row(oneByOne);
      Map<String, Object> actual = row(batched);
      LedgerEvent last = events.get(events.size() - 1);
      assertThat(actual).as("seed %d", seed)
          .containsEntry("balance", expected.get("balance"))
          .containsEntry("overdraft_limit", expected.get("overdraft_limit"))
          .containsEntry("status", expected.get("status"))
          .containsEntry("version", last.sequence())
          .containsEntry("updated_at", Timestamp.from(batched.timeOf(last.sequence())));
      assertThat(expected.get("balance")).isEqualTo(lastBalance(reference));
    }
  }

  /** Opened, then 30 movements, limit changes and rejections at random; sometimes closed at the end. */
  private static List<LedgerEvent> script(TestAccount account, Random random) {
    List<LedgerEvent> events = new ArrayList<>(List.of(account.opened()));
    for (int i = 0; i < 30; i++) {
      long amount = 1 + random.nextInt(500);
      events.add(switch (random.nextInt(4)) {
        case 0 -> account.deposited(amount);
        case 1 -> account.withdrawn(amount);
        case 2 -> account.rejectedWithdrawal(amount, RejectionReason.INSUFFICIENT_FUNDS);
        default -> account.overdraftLimitSet(amount);
      });
    }
    if (random.nextBoolean()) {
      events.add(account.closed());
    }
    return events;
  }

  private static long lastBalance(List<LedgerEvent> events) {
    return events.stream().filter(event -> !event.isRejection()).reduce((first, second) -> second)
        .orElseThrow().balanceAfter();
  }

  private Map<String, Object> row(TestAccount account) {
    return jdbc.queryForMap("SELECT balance, overdraft_limit, status, version, updated_at FROM accounts"
        + " WHERE account_id = ?", UUID.fromString(account.id));
  }
}
