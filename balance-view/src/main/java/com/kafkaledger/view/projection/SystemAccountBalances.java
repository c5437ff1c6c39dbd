package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.SystemAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The per-currency accounts of the outside world, the other side of every deposit and
 * withdrawal: a deposit of 100 takes 100 from it, so the balances of a currency sum to zero.
 */
@Repository
class SystemAccountBalances {

  // Adds up, so it must only ever see events projected for the first time. Every column merges
  // order-independently, so a rebuild with other batch boundaries ends with the same row.
  private static final String MOVE = """
      INSERT INTO accounts AS existing (account_id, owner_id, kind, currency, balance, overdraft_limit,
          status, version, opened_at, updated_at)
      VALUES (?, NULL, 'SYSTEM', ?, ?, 0, 'OPEN', ?, ?, ?)
      ON CONFLICT (account_id) DO UPDATE SET
          balance = existing.balance + EXCLUDED.balance,
          version = existing.version + EXCLUDED.version,
          opened_at = LEAST(existing.opened_at, EXCLUDED.opened_at),
          updated_at = GREATEST(existing.updated_at, EXCLUDED.updated_at)
      """;

  private final JdbcTemplate jdbc;

  SystemAccountBalances(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Moves the opposite of each new event's balance change onto its currency's system account. */
  void applyCounterparts(List<LedgerEvent> newEvents) {
    // sorted by currency, so that concurrent batches lock these shared rows in the same order
    Map<String, Movements> byCurrency = new TreeMap<>();
    for (LedgerEvent event : newEvents) {
      if (event.balanceDelta() != 0) {
        byCurrency.merge(event.currency(), Movements.of(event), Movements::plus);
      }
    }
    JdbcBatch.execute(jdbc, MOVE, List.copyOf(byCurrency.entrySet()), (statement, row) -> {
      setUuid(statement, 1, SystemAccounts.idFor(row.getKey()));
      statement.setString(2, row.getKey());
      statement.setLong(3, row.getValue().balanceDelta());
      statement.setLong(4, row.getValue().count());
      setInstant(statement, 5, row.getValue().earliest());
      setInstant(statement, 6, row.getValue().latest());
    });
  }

  /** What a batch does to one system account; its version counts the movements applied. */
  private record Movements(long balanceDelta, long count, Instant earliest, Instant latest) {

    static Movements of(LedgerEvent event) {
      return new Movements(-event.balanceDelta(), 1, event.occurredAt(), event.occurredAt());
    }

    Movements plus(Movements other) {
      return new Movements(Math.addExact(balanceDelta, other.balanceDelta), count + other.count,
          earliest.isBefore(other.earliest) ? earliest : other.earliest,
          latest.isAfter(other.latest) ? latest : other.latest);
    }
  }
}
