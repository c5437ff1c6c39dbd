package com.kafkaledger.view.transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
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
