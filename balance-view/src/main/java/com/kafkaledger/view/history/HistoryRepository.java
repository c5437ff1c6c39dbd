package com.kafkaledger.view.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

  /** Up to {@code rows} entries, newest first, along the primary key (account_id, sequence). */
  List<HistoryItem> find(HistoryQuery query, int rows) {
    StringBuilder sql = new StringBuilder("""
        SELECT transaction_id, sequence, transaction_type, event_type, status, reason, amount,
            currency, balance_after, counterparty_account_id, description, occurred_at
        FROM account_entries
        WHERE account_id = :accountId
        """);
    if (query.beforeSequence() != null) {
      sql.append(" AND sequence < :beforeSequence");
    }
    if (query.from() != null) {
      sql.append(" AND occurred_at >= :from");
    }
    if (query.to() != null) {
      sql.append(" AND occurred_at < :to");
    }
    if (query.status() != null) {
      sql.append(" AND status = :status");
    }
    sql.append(" ORDER BY sequence DESC LIMIT :rows");
    return jdbc.sql(sql.toString())
        .param("accountId", query.accountId())
        .param("beforeSequence", query.beforeSequence())
        .param("from", timestamp(query.from()))
        .param("to", timestamp(query.to()))
        .param("status", query.status() == null ? null : query.status().name())
        .param("rows", rows)
        .query(HistoryRepository::item)
        .list();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
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
