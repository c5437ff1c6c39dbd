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

/**
 * Every event but a transfer's debit finishes its transaction: COMPLETED, or REJECTED with the
 * reason. The debit leaves a transfer PENDING until the credit (COMPLETED) or the reversal
 * (REJECTED) is projected.
 */
@Repository
class TransactionOutcomes {

  private static final String PENDING = "PENDING";

  // What the command already recorded is kept; the event only fills the gaps. The legs of a
  // transfer come from two partitions in any order, so the first final status stays and a debit
  // read after the credit leaves it final. created_at is the earliest time known, so the row ends
  // the same whichever topic or leg was read first.
  private static final String FINISH = """
      INSERT INTO transactions AS existing (transaction_id, type, status, reason, amount, currency,
          from_account_id, to_account_id, description, initiator_id, created_at, completed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (transaction_id) DO UPDATE SET
          status = CASE WHEN existing.status IN ('COMPLETED', 'REJECTED') THEN existing.status
              ELSE EXCLUDED.status END,
          reason = CASE WHEN existing.status IN ('COMPLETED', 'REJECTED') THEN existing.reason
              ELSE EXCLUDED.reason END,
          completed_at = CASE WHEN existing.status IN ('COMPLETED', 'REJECTED') THEN existing.completed_at
              ELSE EXCLUDED.completed_at END,
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
      var parties = TransactionParties.of(event);
      String status = statusAfter(event);
      setUuid(statement, 1, event.transactionId());
      setText(statement, 2, event.transactionType().name());
      setText(statement, 3, status);
      setText(statement, 4, event.reason() == null ? null : event.reason().name());
      setLong(statement, 5, event.amount());
      setText(statement, 6, event.currency());
      setUuid(statement, 7, parties.fromAccountId());
      setUuid(statement, 8, parties.toAccountId());
      setText(statement, 9, event.description());
      setText(statement, 10, event.initiatorId());
      setInstant(statement, 11, event.occurredAt());
      setInstant(statement, 12, status.equals(PENDING) ? null : event.occurredAt());
    });
  }

  private static String statusAfter(LedgerEvent event) {
    return switch (event.type()) {
      case REJECTED, TRANSFER_REVERSED -> "REJECTED";
      case TRANSFER_DEBITED -> PENDING;
      case ACCOUNT_OPENED, DEPOSITED, WITHDRAWN, TRANSFER_CREDITED, ACCOUNT_CLOSED, OVERDRAFT_LIMIT_SET ->
          "COMPLETED";
    };
  }

  /**
   * The command listener writes the same rows in its own transactions; both sort by id so that
   * they never lock two rows crosswise. The sort is stable: a transaction's events keep their order.
   */
  private static List<LedgerEvent> inLockOrder(List<LedgerEvent> events) {
    return events.stream().sorted(Comparator.comparing(LedgerEvent::transactionId)).toList();
  }
}
