package com.kafkaledger.view.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HistoryRepository {

  private final JdbcClient jdbc;

  HistoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean accountExists(UUID accountId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM accounts WHERE account_id = ?)")
        .param(accountId)
        .query(Boolean.class)
        .single();
  }

  /** Up to {@code rows} entries, newest first. */
  List<HistoryItem> find(HistoryQuery query, int rows) {
    HistoryStatement statement = HistoryStatement.of(query, rows);
    return jdbc.sql(statement.sql())
        .params(statement.parameters())
        .query(HistoryRepository::item)
        .list();
  }

  private static HistoryItem item(ResultSet row, int rowNumber) throws SQLException {
    return new HistoryItem(
        row.getObject("transaction_id", UUID.class),
        row.getLong("sequence"),
        row.getString("transaction_type"),
        row.getString("event_type"),
        row.getString("status"),
        row.getString("reason"),
        row.getObject("amount", Long.class),
        row.getString("currency"),
        row.getObject("balance_after", Long.class),
        row.getObject("counterparty_account_id", UUID.class),
        row.getString("description"),
        row.getObject("occurred_at", OffsetDateTime.class).toInstant());
  }
}
