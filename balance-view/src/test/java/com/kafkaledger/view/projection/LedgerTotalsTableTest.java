package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LedgerTotalsTableTest extends BalanceViewIntegrationTest {

  private static final Instant NOON = Instant.parse("2025-03-01T12:00:00Z");
  /** A partition the test topics do not have, so that the row is this test's alone. */
  private static final int PARTITION = 9_001;

  @Autowired
  private LedgerTotalsTable totals;

  @Test
  void recordWithMoreEventsWinsAndTheLaterOneOnATie() {
    totals.store(List.of(totals(100, 0, 10, NOON)));
    totals.store(List.of(totals(50, 0, 5, NOON.plusSeconds(5))));
    assertThat(row()).containsEntry("accounts", 100L).containsEntry("events", 10L);

    totals.store(List.of(totals(70, 30, 10, NOON.plusSeconds(1)), totals(60, 40, 10, NOON)));
    assertThat(row()).containsEntry("accounts", 70L).containsEntry("transit", 30L);

    totals.store(List.of(totals(0, 0, 11, NOON)));
    assertThat(row()).containsEntry("accounts", 0L).containsEntry("events", 11L);
  }

  /** A partition the view never read would leave the reconciliations of the other tests undecided. */
  @AfterEach
  void removeTheRow() {
    jdbc.update("DELETE FROM ledger_totals WHERE partition = ?", PARTITION);
  }

  private static LedgerTotals totals(long accounts, long transit, long events, Instant asOf) {
    return new LedgerTotals(PARTITION, "TTA", accounts, transit, -accounts - transit, events, asOf);
  }

  private Map<String, Object> row() {
    return jdbc.queryForMap("SELECT accounts, transit, events FROM ledger_totals WHERE partition = ?", PARTITION);
  }
}
