package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.coalesce;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.view.projection.JdbcBatch.Column;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
      SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::uuid[],
          ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
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

  private static final List<Column<Outcome>> COLUMNS = List.of(
      Column.text(Outcome::transactionId),
      Column.text(Outcome::type),
      Column.text(Outcome::status),
      Column.text(Outcome::reason),
      Column.bigint(Outcome::amount),
      Column.text(Outcome::currency),
      Column.text(Outcome::fromAccountId),
      Column.text(Outcome::toAccountId),
      Column.text(Outcome::description),
      Column.text(Outcome::initiatorId),
      Column.text(Outcome::createdAt),
      Column.text(Outcome::completedAt));

  private final JdbcTemplate jdbc;

  TransactionOutcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Idempotent: finishing a transaction again with the same event changes nothing. One row per
   * transaction and statement (a statement may not upsert a row twice): a transaction's events in
   * one poll, both legs of a transfer or an event read twice, are merged first into the row that
   * upserting them one by one, in their order, would leave.
   */
  void finish(List<LedgerEvent> events) {
    // sorted by id: the command listener writes the same rows in its own transactions, in the
    // same order, so that the two never lock two rows crosswise
    Map<String, Outcome> outcomes = new TreeMap<>();
    for (LedgerEvent event : events) {
      outcomes.merge(event.transactionId(), Outcome.of(event), Outcome::then);
    }
    if (!outcomes.isEmpty()) {
      List<Outcome> rows = List.copyOf(outcomes.values());
      jdbc.update(FINISH, statement -> JdbcBatch.bindColumns(statement, rows, COLUMNS));
    }
  }

  private static String statusAfter(LedgerEvent event) {
    return switch (event.type()) {
      case REJECTED, TRANSFER_REVERSED -> "REJECTED";
      case TRANSFER_DEBITED -> PENDING;
      case ACCOUNT_OPENED, DEPOSITED, WITHDRAWN, TRANSFER_CREDITED, ACCOUNT_CLOSED, OVERDRAFT_LIMIT_SET ->
          "COMPLETED";
    };
  }

  /** A transactions row as events leave it; the upsert above merges it into the stored one. */
  private record Outcome(String transactionId, String type, String status, String reason, Long amount,
      String currency, String fromAccountId, String toAccountId, String description, String initiatorId,
      Instant createdAt, Instant completedAt) {

    static Outcome of(LedgerEvent event) {
      var parties = TransactionParties.of(event);
      String status = statusAfter(event);
      return new Outcome(event.transactionId(), event.transactionType().name(), status,
          event.reason() == null ? null : event.reason().name(), event.amount(), event.currency(),
          parties.fromAccountId(), parties.toAccountId(), event.description(), event.initiatorId(),
          event.occurredAt(), status.equals(PENDING) ? null : event.occurredAt());
    }

    /** This row, then {@code next} upserted onto it, as the statement above would. */
    Outcome then(Outcome next) {
      boolean finished = !status.equals(PENDING);
      return new Outcome(transactionId, coalesce(type, next.type), finished ? status : next.status,
          finished ? reason : next.reason, coalesce(amount, next.amount), coalesce(currency, next.currency),
          coalesce(fromAccountId, next.fromAccountId), coalesce(toAccountId, next.toAccountId),
          coalesce(description, next.description), coalesce(initiatorId, next.initiatorId),
          createdAt.isBefore(next.createdAt) ? createdAt : next.createdAt,
          finished ? completedAt : next.completedAt);
    }
  }
}
