package com.kafkaledger.bench.pipeline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * When each transaction's outcome became visible in the view: the commit time of the last history
 * row it wrote (the credit of a transfer, the one row of a deposit or a rejection), read with
 * {@code pg_xact_commit_timestamp} after the fact, so measuring costs the pipeline nothing. And when
 * the ledger decided that last leg (its event's {@code occurredAt}), which splits the latency into
 * the part up to the ledger's decision and the view's part after it.
 */
final class VisibleTimes implements AutoCloseable {

  // A transaction's outcome is visible once all its history rows are: the latest commit counts. A transfer's
  // debit alone is not its outcome, so transfers wait for their second row (credit or reversal).
  private static final String QUERY = """
      SELECT transaction_id::text,
             (extract(epoch FROM max(pg_xact_commit_timestamp(xmin))) * 1000000)::bigint,
             (extract(epoch FROM max(occurred_at)) * 1000000)::bigint,
             count(*) FILTER (WHERE event_type IN ('TRANSFER_DEBITED')) = 0
               OR count(*) FILTER (WHERE event_type IN ('TRANSFER_CREDITED', 'TRANSFER_REVERSED')) > 0
      FROM account_entries
      WHERE transaction_id = ANY (?::uuid[])
      GROUP BY transaction_id""";

  private final Connection database;

  VisibleTimes(String jdbcUrl, String user, String password) throws SQLException {
    this.database = DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** Epoch microseconds: when the ledger decided a transaction's last leg, when its outcome was visible. */
  record Outcome(long decidedMicros, long visibleMicros) {}

  /** The outcome of each transaction id; waits at most {@code limit} for the missing ones. */
  Map<String, Outcome> await(Set<String> transactionIds, Duration limit) throws SQLException, InterruptedException {
    Map<String, Outcome> visible = new HashMap<>();
    Set<String> missing = new HashSet<>(transactionIds);
    Instant giveUp = Instant.now().plus(limit);
    while (!missing.isEmpty() && Instant.now().isBefore(giveUp)) {
      try (PreparedStatement statement = database.prepareStatement(QUERY)) {
        Array ids = database.createArrayOf("text", missing.toArray());
        statement.setArray(1, ids);
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            if (row.getBoolean(4)) {
              visible.put(row.getString(1), new Outcome(row.getLong(3), row.getLong(2)));
              missing.remove(row.getString(1));
            }
          }
        }
      }
      if (!missing.isEmpty()) {
        Thread.sleep(500);
      }
    }
    return visible;
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
