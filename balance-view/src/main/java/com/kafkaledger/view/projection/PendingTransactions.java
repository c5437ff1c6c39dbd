package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setLong;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Leg;
import java.util.Comparator;
import java.util.List;
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
      VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (transaction_id) DO UPDATE SET
          amount = COALESCE(existing.amount, EXCLUDED.amount),
          from_account_id = COALESCE(existing.from_account_id, EXCLUDED.from_account_id),
          to_account_id = COALESCE(existing.to_account_id, EXCLUDED.to_account_id),
          fingerprint = COALESCE(existing.fingerprint, EXCLUDED.fingerprint),
          initiator_id = COALESCE(existing.initiator_id, EXCLUDED.initiator_id),
          description = COALESCE(existing.description, EXCLUDED.description),
          created_at = LEAST(existing.created_at, EXCLUDED.created_at)
      """;

  private final JdbcTemplate jdbc;

  PendingTransactions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Returns how many commands opened a transaction; the others were later legs. */
  int record(List<LedgerCommand> commands) {
    // the same order as TransactionOutcomes, so that the two never lock rows crosswise
    List<LedgerCommand> inLockOrder = commands.stream()
        .filter(PendingTransactions::opensTransaction)
        .sorted(Comparator.comparing(LedgerCommand::transactionId))
        .toList();
    JdbcBatch.execute(jdbc, RECORD, inLockOrder, (statement, command) -> {
      var parties = TransactionParties.of(command);
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
    return inLockOrder.size();
  }

  private static boolean opensTransaction(LedgerCommand command) {
    return command.leg() == null || command.leg() == Leg.DEBIT;
  }
}
