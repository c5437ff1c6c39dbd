package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setLong;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import java.util.List;
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

  // Only forward: an older event (a replay, a rebalance) never undoes a newer one. A null
  // balance, limit or status (a rejection; a status only ACCOUNT_CLOSED changes) leaves it as it is.
  private static final String MOVE_FORWARD = """
      UPDATE accounts
      SET balance = COALESCE(?, balance), overdraft_limit = COALESCE(?, overdraft_limit),
          status = COALESCE(?, status), version = ?, updated_at = ?
      WHERE account_id = ? AND version < ?
      """;

  private final JdbcTemplate jdbc;

  OwnedAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies new events, in their order; openings first, as an account opens before it moves. */
  void apply(List<LedgerEvent> newEvents) {
    List<LedgerEvent> openings = newEvents.stream().filter(OwnedAccounts::isOpening).toList();
    List<LedgerEvent> changes = newEvents.stream().filter(event -> !isOpening(event)).toList();
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
    JdbcBatch.execute(jdbc, MOVE_FORWARD, changes, (statement, event) -> {
      setLong(statement, 1, event.isRejection() ? null : event.balanceAfter());
      setLong(statement, 2, event.isRejection() ? null : event.overdraftLimit());
      setText(statement, 3, event.type() == EventType.ACCOUNT_CLOSED ? "CLOSED" : null);
      statement.setLong(4, event.sequence());
      setInstant(statement, 5, event.occurredAt());
      setUuid(statement, 6, event.accountId());
      statement.setLong(7, event.sequence());
    });
  }

  /** Events from before merchants existed carry no kind: they are all customers'. */
  private static AccountKind kindOf(LedgerEvent opening) {
    return opening.accountKind() == null ? AccountKind.CUSTOMER : opening.accountKind();
  }

  private static boolean isOpening(LedgerEvent event) {
    return event.type() == EventType.ACCOUNT_OPENED;
  }
}
