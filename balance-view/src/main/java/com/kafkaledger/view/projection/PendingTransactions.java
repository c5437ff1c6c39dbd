package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setLong;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.LedgerCommand;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A PENDING row per accepted command, so that every gateway instance can answer PENDING, and the
 * request's fingerprint for the gateway's idempotency check.
 */
@Repository
class PendingTransactions {

  // Never touches status: an event read first has already set the final one. It only fills what
  // is missing, the fingerprint above all, which no event carries.
  private static final String RECORD = """
      INSERT INTO transactions AS existing (transaction_id, type, status, amount, currency,
          from_account_id, to_account_id, description, initiator_id, fingerprint, created_at)
      VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (transaction_id) DO UPDATE SET
          fingerprint = COALESCE(existing.fingerprint, EXCLUDED.fingerprint),
          initiator_id = COALESCE(existing.initiator_id, EXCLUDED.initiator_id),
          description = COALESCE(existing.description, EXCLUDED.description),
          created_at = LEAST(existing.created_at, EXCLUDED.created_at)
      """;

  private final JdbcTemplate jdbc;

  PendingTransactions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(List<LedgerCommand> commands) {
    // the same order as TransactionOutcomes, so that the two never lock rows crosswise
    List<LedgerCommand> inLockOrder = commands.stream()
        .sorted(Comparator.comparing(LedgerCommand::transactionId))
        .toList();
    JdbcBatch.execute(jdbc, RECORD, inLockOrder, (statement, command) -> {
      var parties = TransactionParties.of(command.type(), command.accountId(), command.currency());
      setUuid(statement, 1, command.transactionId());
      setText(statement, 2, command.type().name());
      setLong(statement, 3, command.amount());
      setText(statement, 4, command.currency());
      setUuid(statement, 5, parties.fromAccountId());
      setUuid(statement, 6, parties.toAccountId());
      setText(statement, 7, command.description());
      setText(statement, 8, command.initiatorId());
      setText(statement, 9, command.fingerprint());
      setInstant(statement, 10, command.requestedAt());
    });
  }
}
