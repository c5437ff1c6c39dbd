package com.kafkaledger.view.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL of one history page and its parameters: only the conditions the query asks for, so
 * that the planner sees each filter it has to use.
 */
record HistoryStatement(String sql, Map<String, Object> parameters) {

  /** Up to {@code rows} entries, newest first, along the primary key (account_id, sequence). */
  static HistoryStatement of(HistoryQuery query, int rows) {
    StringBuilder sql = new StringBuilder("""
        SELECT transaction_id, sequence, transaction_type, event_type, status, reason, amount,
            currency, balance_after, counterparty_account_id, description, occurred_at
        FROM account_entries
        WHERE account_id = :accountId
        """);
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("accountId", query.accountId());
    if (query.beforeSequence() != null) {
      sql.append(" AND sequence < :beforeSequence");
      parameters.put("beforeSequence", query.beforeSequence());
    }
    if (query.from() != null) {
      sql.append(" AND occurred_at >= :from");
      parameters.put("from", timestamp(query.from()));
    }
    if (query.to() != null) {
      sql.append(" AND occurred_at < :to");
      parameters.put("to", timestamp(query.to()));
    }
    if (query.status() != null) {
      sql.append(" AND status = :status");
      parameters.put("status", query.status().name());
    }
    sql.append(" ORDER BY sequence DESC LIMIT :rows");
    parameters.put("rows", rows);
    return new HistoryStatement(sql.toString(), parameters);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
