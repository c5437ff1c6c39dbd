package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setLong;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The accounts' histories: one row per event that belongs to an account (sequence 1 and up). */
@Repository
class AccountEntries {

  // The keys (account_id, sequence) and event_id make a replayed event insert nothing.
  private static final String INSERT = """
      INSERT INTO account_entries (account_id, sequence, event_id, transaction_id, transaction_type,
          event_type, status, reason, amount, currency, balance_after, counterparty_account_id,
          description, occurred_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING
      """;

  private final JdbcTemplate jdbc;

  AccountEntries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the history rows of the events not projected before, and returns those events: only
   * they may still change balances.
   */
  List<LedgerEvent> insertNew(List<LedgerEvent> events) {
    List<LedgerEvent> withHistory = events.stream().filter(event -> event.sequence() >= 1).toList();
    int[] rowCounts = JdbcBatch.execute(jdbc, INSERT, withHistory, (statement, event) -> {
      setUuid(statement, 1, event.accountId());
      statement.setLong(2, event.sequence());
      setUuid(statement, 3, event.eventId());
      setUuid(statement, 4, event.transactionId());
      setText(statement, 5, event.transactionType().name());
      setText(statement, 6, event.type().name());
      // A reversal is how a transfer fails: it shows (and filters) with the rejections.
      setText(statement, 7, event.isRejection() || event.type() == EventType.TRANSFER_REVERSED
          ? "REJECTED" : "COMPLETED");
      setText(statement, 8, event.reason() == null ? null : event.reason().name());
      setLong(statement, 9, event.amount());
      setText(statement, 10, event.currency());
      setLong(statement, 11, event.balanceAfter());
      setUuid(statement, 12, event.counterpartyAccountId());
      setText(statement, 13, event.description());
      setInstant(statement, 14, event.occurredAt());
    });
    List<LedgerEvent> inserted = new ArrayList<>();
    for (int i = 0; i < rowCounts.length; i++) {
      if (JdbcBatch.inserted(rowCounts[i])) {
        inserted.add(withHistory.get(i));
      }
    }
    return inserted;
  }
}
