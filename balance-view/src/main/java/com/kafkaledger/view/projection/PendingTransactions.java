package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.coalesce;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Leg;
import com.kafkaledger.view.projection.JdbcBatch.Column;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A PENDING row per accepted command, so that every gateway instance can answer PENDING, and the
 * request's fingerprint for the gateway's idempotency check. Only the commands the gateway
 * publishes open a transaction: the credit and reversal legs that the ledger itself emits share
 * the debit's transaction and are left to the events.
 */
@Repository
class PendingTransactions {

  // Never touches status: an event read first has already set the final one. It only fills what
  // is missing: the fingerprint above all, which no event carries, and the destination of a
  // transfer whose debit was rejected by an event without a counterparty.
  private static final String RECORD = """
      INSERT INTO transactions AS existing (transaction_id, type, status, amount, currency,
          from_account_id, to_account_id, description, initiator_id, fingerprint, created_at)
      SELECT transaction_id, type, 'PENDING', amount, currency, from_account_id, to_account_id, description,
          initiator_id, fingerprint, created_at
      FROM unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
          ?::text[], ?::timestamptz[])
          AS command (transaction_id, type, amount, currency, from_account_id, to_account_id, description,
              initiator_id, fingerprint, created_at)
      ON CONFLICT (transaction_id) DO UPDATE SET
          amount = COALESCE(existing.amount, EXCLUDED.amount),
          from_account_id = COALESCE(existing.from_account_id, EXCLUDED.from_account_id),
          to_account_id = COALESCE(existing.to_account_id, EXCLUDED.to_account_id),
          fingerprint = COALESCE(existing.fingerprint, EXCLUDED.fingerprint),
          initiator_id = COALESCE(existing.initiator_id, EXCLUDED.initiator_id),
          description = COALESCE(existing.description, EXCLUDED.description),
          created_at = LEAST(existing.created_at, EXCLUDED.created_at)
      """;

  private static final List<Column<Pending>> COLUMNS = List.of(
      Column.text(Pending::transactionId),
      Column.text(Pending::type),
      Column.bigint(Pending::amount),
      Column.text(Pending::currency),
      Column.text(Pending::fromAccountId),
      Column.text(Pending::toAccountId),
      Column.text(Pending::description),
      Column.text(Pending::initiatorId),
      Column.text(Pending::fingerprint),
      Column.text(Pending::createdAt));

  private final JdbcTemplate jdbc;

  PendingTransactions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Returns how many commands opened a transaction; the others were later legs. One row per
   * transaction and statement (a statement may not upsert a row twice): a command published twice
   * (a client's retry) and read in one poll is merged first, as upserting both in turn would.
   */
  int record(List<LedgerCommand> commands) {
    // sorted by id, as TransactionOutcomes does, so that the two never lock rows crosswise
    Map<String, Pending> rows = new TreeMap<>();
    int opening = 0;
    for (LedgerCommand command : commands) {
      if (opensTransaction(command)) {
        rows.merge(command.transactionId(), Pending.of(command), Pending::then);
        opening++;
      }
    }
    if (!rows.isEmpty()) {
      List<Pending> pending = List.copyOf(rows.values());
      jdbc.update(RECORD, statement -> JdbcBatch.bindColumns(statement, pending, COLUMNS));
    }
    return opening;
  }

  private static boolean opensTransaction(LedgerCommand command) {
    return command.leg() == null || command.leg() == Leg.DEBIT;
  }

  /** The row a command records; {@link #then} is what upserting another onto it leaves. */
  private record Pending(String transactionId, String type, Long amount, String currency, String fromAccountId,
      String toAccountId, String description, String initiatorId, String fingerprint, Instant createdAt) {

    static Pending of(LedgerCommand command) {
      var parties = TransactionParties.of(command);
      return new Pending(command.transactionId(), command.type().name(), command.amount(), command.currency(),
          parties.fromAccountId(), parties.toAccountId(), command.description(), command.initiatorId(),
          command.fingerprint(), command.requestedAt());
    }

    Pending then(Pending next) {
      return new Pending(transactionId, type, coalesce(amount, next.amount), currency,
          coalesce(fromAccountId, next.fromAccountId), coalesce(toAccountId, next.toAccountId),
          coalesce(description, next.description), coalesce(initiatorId, next.initiatorId),
          coalesce(fingerprint, next.fingerprint), earliest(createdAt, next.createdAt));
    }

    /** As SQL's LEAST: a null is ignored. */
    private static Instant earliest(Instant one, Instant other) {
      return one == null ? other : other == null || one.isBefore(other) ? one : other;
    }
  }
}
