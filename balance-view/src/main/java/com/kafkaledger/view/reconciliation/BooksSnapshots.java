package com.kafkaledger.view.reconciliation;

import com.kafkaledger.events.Topics;
import com.kafkaledger.view.reconciliation.BooksSnapshot.KindTotal;
import com.kafkaledger.view.reconciliation.BooksSnapshot.PartitionTotals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Repository
class BooksSnapshots {

  private final JdbcClient jdbc;

  BooksSnapshots(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The view's sums, the ledger's totals and the projection's progress as of one instant: in one
   * REPEATABLE READ transaction every query sees the same snapshot, so a batch projected in
   * between cannot show in one sum and not in another.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public BooksSnapshot take() {
    OffsetDateTime asOf = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
    List<KindTotal> balances = jdbc.sql("""
            SELECT currency, kind, SUM(balance) AS total FROM accounts GROUP BY currency, kind
            """)
        .query(BooksSnapshots::kindTotal)
        .list();
    List<PartitionTotals> ledgerTotals = jdbc.sql("""
            SELECT partition, currency, accounts, transit, system, events FROM ledger_totals
            """)
        .query(BooksSnapshots::partitionTotals)
        .list();
    Map<Integer, Long> eventsProjected = new HashMap<>();
    jdbc.sql("SELECT partition, records_projected FROM projection_offsets WHERE topic = ?")
        .param(Topics.EVENTS)
        .query(row -> {
          eventsProjected.put(row.getInt("partition"), row.getLong("records_projected"));
        });
    return new BooksSnapshot(asOf.toInstant(), balances, ledgerTotals, eventsProjected);
  }

  private static KindTotal kindTotal(ResultSet row, int rowNumber) throws SQLException {
    return new KindTotal(row.getString("currency"), row.getString("kind"), row.getLong("total"));
  }

  private static PartitionTotals partitionTotals(ResultSet row, int rowNumber) throws SQLException {
    return new PartitionTotals(row.getInt("partition"), row.getString("currency"), row.getLong("accounts"),
        row.getLong("transit"), row.getLong("system"), row.getLong("events"));
  }
}
