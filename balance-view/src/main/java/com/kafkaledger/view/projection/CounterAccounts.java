package com.kafkaledger.view.projection;

import static com.kafkaledger.view.projection.JdbcBatch.setInstant;
import static com.kafkaledger.view.projection.JdbcBatch.setText;
import static com.kafkaledger.view.projection.JdbcBatch.setUuid;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.LedgerEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The per-currency accounts on the other side of every movement: the system account (the
 * outside world) for deposits and withdrawals, the transit account for the legs of a transfer.
 * A deposit of 100 takes 100 from the system account, a debit of 100 puts it in transit until
 * the credit or the reversal takes it out, so the balances of a currency sum to zero after every
 * batch.
 */
@Repository
class CounterAccounts {

  // Adds up, so it must only ever see events projected for the first time. Every column merges
  // order-independently, so a rebuild with other batch boundaries ends with the same row.
  private static final String POST = """
      INSERT INTO accounts AS existing (account_id, owner_id, kind, currency, balance, overdraft_limit,
          status, version, opened_at, updated_at)
      VALUES (?, NULL, ?, ?, ?, 0, 'OPEN', ?, ?, ?)
      ON CONFLICT (account_id) DO UPDATE SET
          balance = existing.balance + EXCLUDED.balance,
          version = existing.version + EXCLUDED.version,
          opened_at = LEAST(existing.opened_at, EXCLUDED.opened_at),
          updated_at = GREATEST(existing.updated_at, EXCLUDED.updated_at)
      """;

  private final JdbcTemplate jdbc;

  CounterAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Posts the other side of each new event's balance change to its counter account. */
  void postCounterparts(List<LedgerEvent> newEvents) {
    // sorted by account id, so that concurrent batches lock these shared rows in the same order
    Map<String, Postings> byAccount = new TreeMap<>();
    for (LedgerEvent event : newEvents) {
      String counterAccountId = event.ledgerCounterAccountId();
      if (counterAccountId != null) {
        byAccount.merge(counterAccountId, Postings.of(event), Postings::plus);
      }
    }
    JdbcBatch.execute(jdbc, POST, List.copyOf(byAccount.entrySet()), (statement, row) -> {
      Postings postings = row.getValue();
      setUuid(statement, 1, row.getKey());
      setText(statement, 2, postings.kind().name());
      setText(statement, 3, postings.currency());
      statement.setLong(4, postings.balanceDelta());
      statement.setLong(5, postings.count());
      setInstant(statement, 6, postings.earliest());
      setInstant(statement, 7, postings.latest());
    });
  }

  /** What a batch does to one counter account; its version counts the postings applied. */
  private record Postings(AccountKind kind, String currency, long balanceDelta, long count,
      Instant earliest, Instant latest) {

    static Postings of(LedgerEvent event) {
      AccountKind kind = event.systemDelta() != 0 ? AccountKind.SYSTEM : AccountKind.TRANSIT;
      long balanceDelta = Math.addExact(event.systemDelta(), event.transitDelta());
      return new Postings(kind, event.currency(), balanceDelta, 1, event.occurredAt(), event.occurredAt());
    }

    Postings plus(Postings other) {
      return new Postings(kind, currency, Math.addExact(balanceDelta, other.balanceDelta),
          count + other.count, earliest.isBefore(other.earliest) ? earliest : other.earliest,
          latest.isAfter(other.latest) ? latest : other.latest);
    }
  }
}
