package com.kafkaledger.view.projection;

import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.view.projection.JdbcBatch.Column;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The accounts' histories: one row per event that belongs to an account (sequence 1 and up). */
@Repository
class AccountEntries {

  // The primary key (account_id, sequence) makes a replayed event insert nothing. One statement
  // for the whole poll; it returns the events it inserted.
  private static final String INSERT = """
      INSERT INTO account_entries (account_id, sequence, event_id, transaction_id, transaction_type,
          event_type, status, reason, amount, currency, balance_after, counterparty_account_id,
          description, occurred_at)
      SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
          ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::uuid[], ?::text[], ?::timestamptz[])
      ON CONFLICT DO NOTHING
      RETURNING event_id
      """;

  private static final List<Column<LedgerEvent>> COLUMNS = List.of(
      Column.text(LedgerEvent::accountId),
      Column.bigint(LedgerEvent::sequence),
      Column.text(LedgerEvent::eventId),
      Column.text(LedgerEvent::transactionId),
      Column.text(LedgerEvent::transactionType),
      Column.text(LedgerEvent::type),
      // A reversal is how a transfer fails: it shows (and filters) with the rejections.
      Column.text(event -> event.isRejection() || event.type() == EventType.TRANSFER_REVERSED
          ? "REJECTED" : "COMPLETED"),
      Column.text(LedgerEvent::reason),
      Column.bigint(LedgerEvent::amount),
      Column.text(LedgerEvent::currency),
      Column.bigint(LedgerEvent::balanceAfter),
      Column.text(LedgerEvent::counterpartyAccountId),
      Column.text(LedgerEvent::description),
      Column.text(LedgerEvent::occurredAt));

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
    if (withHistory.isEmpty()) {
      return List.of();
    }
    Set<UUID> inserted = new HashSet<>(jdbc.query(INSERT,
        statement -> JdbcBatch.bindColumns(statement, withHistory, COLUMNS),
        (row, number) -> row.getObject(1, UUID.class)));
    // in their order; an event read twice in one poll was inserted once, and counts once
    return withHistory.stream().filter(event -> inserted.remove(UUID.fromString(event.eventId()))).toList();
  }
}
