package com.kafkaledger.view.transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TransactionRepository {

  private final JdbcClient jdbc;

  TransactionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<InternalTransactionView> find(UUID transactionId) {
    return jdbc.sql("""
            SELECT transaction_id, type, status, reason, amount, currency, from_account_id,
                to_account_id, description, created_at, completed_at, fingerprint, initiator_id
            FROM transactions
            WHERE transaction_id = ?
            """)
        .param(transactionId)
        .query(TransactionRepository::transaction)
        .optional();
  }

  /** Those of the given transactions the view knows, in no particular order. */
  List<InternalTransactionView> findAll(Collection<UUID> transactionIds) {
    if (transactionIds.isEmpty()) {
      return List.of();
    }
    String[] ids = transactionIds.stream().map(UUID::toString).toArray(String[]::new);
    return jdbc.sql("""
            SELECT transaction_id, type, status, reason, amount, currency, from_account_id,
                to_account_id, description, created_at, completed_at, fingerprint, initiator_id
            FROM transactions
            WHERE transaction_id = ANY (CAST(? AS uuid[]))
            """)
        .param(ids)
        .query(TransactionRepository::transaction)
        .list();
  }

  private static InternalTransactionView transaction(ResultSet row, int rowNumber) throws SQLException {
    var transaction = new TransactionView(
        row.getObject("transaction_id", UUID.class),
        row.getString("type"),
        row.getString("status"),
        row.getString("reason"),
        row.getObject("amount", Long.class),
        row.getString("currency"),
        row.getObject("from_account_id", UUID.class),
        row.getObject("to_account_id", UUID.class),
        row.getString("description"),
        instant(row, "created_at"),
        instant(row, "completed_at"));
    return new InternalTransactionView(transaction, row.getString("fingerprint"), row.getString("initiator_id"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
