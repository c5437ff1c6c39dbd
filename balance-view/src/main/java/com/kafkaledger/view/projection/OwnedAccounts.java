package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setLong;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
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
      UPDATE accounts
      SET balance = CASE WHEN ? > version THEN ? ELSE balance END,
          overdraft_limit = CASE WHEN ? > version THEN ? ELSE overdraft_limit END,
          status = CASE WHEN ? > version THEN ? ELSE status END,
          version = ?, updated_at = ?
      WHERE account_id = ? AND version < ?
      """;

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
    // sorted by account id, so that concurrent batches lock the rows in the same order
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
    JdbcBatch.execute(jdbc, MOVE_FORWARD, List.copyOf(changes.entrySet()), (statement, row) -> {
      Change change = row.getValue();
      statement.setLong(1, change.balanceSequence);
      setLong(statement, 2, change.balance);
      statement.setLong(3, change.limitSequence);
      setLong(statement, 4, change.limit);
      statement.setLong(5, change.statusSequence);
      setText(statement, 6, change.status);
      statement.setLong(7, change.version);
      setInstant(statement, 8, change.updatedAt);
      setUuid(statement, 9, row.getKey());
      statement.setLong(10, change.version);
    });
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
