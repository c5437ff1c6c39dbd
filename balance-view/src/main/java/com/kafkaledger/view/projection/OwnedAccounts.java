package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.view.projection.JdbcBatch.Column;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The customers' and merchants' account rows: opened by ACCOUNT_OPENED, then moved forward event
 * by event.
 */
@Repository
class OwnedAccounts {

  private static final String OPEN = """
      INSERT INTO accounts (account_id, owner_id, kind, currency, balance, overdraft_limit, status,
          version, opened_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
      ON CONFLICT (account_id) DO NOTHING
      """;

  // Only forward: an older event (a replay, a rebalance) never undoes a newer one. One update per
  // account and batch: a column takes the value of the batch's last event that sets it (a
  // rejection sets no balance or limit, only ACCOUNT_CLOSED sets the status) if that event is newer
  // than the row, which is where applying the events one by one, each only if newer, ends.
  private static final String MOVE_FORWARD = """
      UPDATE accounts AS account
      SET balance = CASE WHEN change.balance_sequence > account.version THEN change.balance
              ELSE account.balance END,
          overdraft_limit = CASE WHEN change.limit_sequence > account.version THEN change.overdraft_limit
              ELSE account.overdraft_limit END,
          status = CASE WHEN change.status_sequence > account.version THEN change.status
              ELSE account.status END,
          version = change.version, updated_at = change.updated_at
      FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[],
          ?::bigint[], ?::timestamptz[])
          AS change (account_id, balance_sequence, balance, limit_sequence, overdraft_limit, status_sequence,
              status, version, updated_at)
      WHERE account.account_id = change.account_id AND account.version < change.version
      """;

  private static final List<Column<Map.Entry<String, Change>>> MOVE_FORWARD_COLUMNS = List.of(
      Column.text(Map.Entry::getKey),
      Column.bigint(row -> row.getValue().balanceSequence),
      Column.bigint(row -> row.getValue().balance),
      Column.bigint(row -> row.getValue().limitSequence),
      Column.bigint(row -> row.getValue().limit),
      Column.bigint(row -> row.getValue().statusSequence),
      Column.text(row -> row.getValue().status),
      Column.bigint(row -> row.getValue().version),
      Column.text(row -> row.getValue().updatedAt));

  private final JdbcTemplate jdbc;

  OwnedAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Applies new events; openings first, as an account opens before it moves. An account with many
   * events in one poll (a hot merchant, a batch of one customer's movements) is updated once:
   * PostgreSQL updating one row again and again in one transaction keeps every version of it.
   */
  void apply(List<LedgerEvent> newEvents) {
    List<LedgerEvent> openings = newEvents.stream().filter(OwnedAccounts::isOpening).toList();
    // one row per account: an UPDATE ... FROM changes a row once however often it is named
    Map<String, Change> changes = new TreeMap<>();
    for (LedgerEvent event : newEvents) {
      if (!isOpening(event)) {
        changes.computeIfAbsent(event.accountId(), id -> new Change()).add(event);
      }
    }
    JdbcBatch.execute(jdbc, OPEN, openings, (statement, event) -> {
      setUuid(statement, 1, event.accountId());
      setText(statement, 2, event.ownerId());
      setText(statement, 3, kindOf(event).name());
      setText(statement, 4, event.currency());
      statement.setLong(5, event.balanceAfter() == null ? 0 : event.balanceAfter());
      statement.setLong(6, event.overdraftLimit() == null ? 0 : event.overdraftLimit());
      statement.setLong(7, event.sequence());
      setInstant(statement, 8, event.occurredAt());
      setInstant(statement, 9, event.occurredAt());
    });
    if (!changes.isEmpty()) {
      List<Map.Entry<String, Change>> rows = List.copyOf(changes.entrySet());
      jdbc.update(MOVE_FORWARD, statement -> JdbcBatch.bindColumns(statement, rows, MOVE_FORWARD_COLUMNS));
    }
  }

  /**
   * What one batch's events do to one account: for each column, the value of the newest event
   * that sets it and that event's sequence (0: none does); the version and time of the newest.
   * Events may come in any order.
   */
  private static final class Change {
    long balanceSequence;
    Long balance;
    long limitSequence;
    Long limit;
    long statusSequence;
    String status;
    long version;
    Instant updatedAt;

    void add(LedgerEvent event) {
      long sequence = event.sequence();
      if (!event.isRejection() && event.balanceAfter() != null && sequence > balanceSequence) {
        balanceSequence = sequence;
        balance = event.balanceAfter();
      }
      if (!event.isRejection() && event.overdraftLimit() != null && sequence > limitSequence) {
        limitSequence = sequence;
        limit = event.overdraftLimit();
      }
      if (event.type() == EventType.ACCOUNT_CLOSED && sequence > statusSequence) {
        statusSequence = sequence;
        status = "CLOSED";
      }
      if (sequence > version) {
        version = sequence;
        updatedAt = event.occurredAt();
      }
    }
  }

  /** Events from before merchants existed carry no kind: they are all customers'. */
  private static AccountKind kindOf(LedgerEvent opening) {
    return opening.accountKind() == null ? AccountKind.CUSTOMER : opening.accountKind();
  }

  private static boolean isOpening(LedgerEvent event) {
    return event.type() == EventType.ACCOUNT_OPENED;
  }
}
