package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;

import com.kafkaledger.events.LedgerTotals;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The ledger's latest totals per partition and currency. */
@Repository
class LedgerTotalsTable {

  // A partition's event count only grows, so the record with more events is the newer one, also
  // when an older record is read late (another instance, a rebalance); as_of breaks a tie.
  private static final String STORE = """
      INSERT INTO ledger_totals AS stored (partition, currency, accounts, transit, system, events, as_of)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (partition, currency) DO UPDATE SET
          accounts = EXCLUDED.accounts, transit = EXCLUDED.transit, system = EXCLUDED.system,
          events = EXCLUDED.events, as_of = EXCLUDED.as_of
      WHERE (EXCLUDED.events, EXCLUDED.as_of) > (stored.events, stored.as_of)
      """;

  private final JdbcTemplate jdbc;

  LedgerTotalsTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void store(List<LedgerTotals> records) {
    // a fixed order, so that two instances never lock the rows crosswise
    List<LedgerTotals> inLockOrder = records.stream()
        .sorted(Comparator.comparingInt(LedgerTotals::partition).thenComparing(LedgerTotals::currency))
        .toList();
    JdbcBatch.execute(jdbc, STORE, inLockOrder, (statement, totals) -> {
      statement.setInt(1, totals.partition());
      statement.setString(2, totals.currency());
      statement.setLong(3, totals.accounts());
      statement.setLong(4, totals.transit());
      statement.setLong(5, totals.system());
      statement.setLong(6, totals.events());
      setInstant(statement, 7, totals.asOf());
    });
  }
}
