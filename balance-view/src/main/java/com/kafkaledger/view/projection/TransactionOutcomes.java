package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setLong;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.LedgerEvent;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every event finishes its transaction: COMPLETED, or REJECTED with the reason. */
@Repository
class TransactionOutcomes {

  // What the command already recorded (PENDING) is kept; the event only fills the gaps. created_at
  // is the earliest time known, so the row ends the same whichever topic was read first.
  private static final String FINISH = """
      INSERT INTO transactions AS existing (transaction_id, type, status, reason, amount, currency,
          from_account_id, to_account_id, description, initiator_id, created_at, completed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (transaction_id) DO UPDATE SET
          status = EXCLUDED.status,
          reason = EXCLUDED.reason,
          completed_at = EXCLUDED.completed_at,
          created_at = LEAST(existing.created_at, EXCLUDED.created_at),
          type = COALESCE(existing.type, EXCLUDED.type),
          amount = COALESCE(existing.amount, EXCLUDED.amount),
          currency = COALESCE(existing.currency, EXCLUDED.currency),
          from_account_id = COALESCE(existing.from_account_id, EXCLUDED.from_account_id),
          to_account_id = COALESCE(existing.to_account_id, EXCLUDED.to_account_id),
          description = COALESCE(existing.description, EXCLUDED.description),
          initiator_id = COALESCE(existing.initiator_id, EXCLUDED.initiator_id)
      """;

  private final JdbcTemplate jdbc;

  TransactionOutcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Idempotent: finishing a transaction again with the same event changes nothing. */
  void finish(List<LedgerEvent> events) {
    JdbcBatch.execute(jdbc, FINISH, inLockOrder(events), (statement, event) -> {
      var parties = TransactionParties.of(event.transactionType(), event.accountId(), event.currency());
      setUuid(statement, 1, event.transactionId());
      setText(statement, 2, event.transactionType().name());
      setText(statement, 3, event.isRejection() ? "REJECTED" : "COMPLETED");
      setText(statement, 4, event.reason() == null ? null : event.reason().name());
      setLong(statement, 5, event.amount());
      setText(statement, 6, event.currency());
      setUuid(statement, 7, parties.fromAccountId());
      setUuid(statement, 8, parties.toAccountId());
      setText(statement, 9, event.description());
      setText(statement, 10, event.initiatorId());
      setInstant(statement, 11, event.occurredAt());
      setInstant(statement, 12, event.occurredAt());
    });
  }

  /**
   * The command listener writes the same rows in its own transactions; both sort by id so that
   * they never lock two rows crosswise. The sort is stable: a transaction's events keep their order.
   */
  private static List<LedgerEvent> inLockOrder(List<LedgerEvent> events) {
    return events.stream().sorted(Comparator.comparing(LedgerEvent::transactionId)).toList();
  }
}
