package com.kafkaledger.gateway.idempotency;

import com.kafkaledger.events.LedgerCommand;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Which request each keyed transaction id was first submitted with, in a table every gateway
 * instance shares. The view learns of a submission tens of milliseconds after its 202; without
 * this, a different body sent under the same key to another instance within that time would be
 * published as well, and both would move money under one transaction id.
 *
 * <p>This is the one write the gateway makes to accept a movement. It is an insert of a new key,
 * which waits only on a concurrent claim of the same id (the simple designs stall on locked
 * account rows), and one statement claims all the new ids of a batch; a second one reads the
 * claims of the ids claimed before.
 */
@Repository
public class IdempotencyClaims {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyClaims.class);

  /** In id order, so that two statements claiming overlapping ids wait on each other, never deadlock. */
  private static final String CLAIM = "INSERT INTO idempotency_claims (transaction_id, fingerprint, initiator_id) "
      + "SELECT id::uuid, decode(fingerprint, 'hex'), initiator FROM unnest(?::text[], ?::text[], ?::text[]) "
      + "AS claim(id, fingerprint, initiator) ORDER BY id ON CONFLICT (transaction_id) DO NOTHING "
      + "RETURNING transaction_id::text";
  private static final String CLAIMED_BEFORE = "SELECT transaction_id::text, encode(fingerprint, 'hex') "
      + "FROM idempotency_claims WHERE transaction_id = ANY (?::uuid[])";

  /** Expired claims are deleted this many at a time: a short transaction, a short wait for a claim. */
  private static final int FORGET_AT_ONCE = 10_000;

  private final JdbcTemplate jdbc;
  private final Duration retention;
  private final Timer claims;

  IdempotencyClaims(DataSource dataSource, @Value("${ledger.gateway.idempotency-retention}") Duration retention,
      @Value("${ledger.gateway.view-timeout}") Duration timeout, MeterRegistry registry) {
    // A submission waits no longer for its claim than for the view's answer: then it is a 503.
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
    this.retention = retention;
    this.claims = Timer.builder("ledger.gateway.idempotency.claims")
        .description("Writes of new keyed transaction ids to the table the gateway instances share, one per submission or batch")
        .register(registry);
  }

  /** What became of the claim of one id. */
  enum Claim {
    /** Claimed now: nobody submitted it before (within the retention). */
    NEW,
    /** Claimed before, for this same request: a retry. */
    SAME,
    /** Claimed before, for another request: a reuse of the key. */
    OTHER
  }

  /**
   * Claims each command's transaction id for its request, unless it was claimed before.
   *
   * @return each id's claim
   * @throws ClaimsUnavailableException if the table cannot be written; then nothing was claimed
   *     for sure, and nothing must be published
   */
  Map<String, Claim> claim(List<LedgerCommand> commands) {
    if (commands.isEmpty()) {
      return Map.of();
    }
    Map<String, LedgerCommand> byId = new HashMap<>();
    commands.forEach(command -> byId.put(command.transactionId(), command));
    Timer.Sample sample = Timer.start();
    try {
      List<String> ids = new ArrayList<>(byId.keySet());
      Map<String, Claim> claims = new HashMap<>();
      jdbc.query(connection -> statement(connection, CLAIM, ids, column(ids, byId, LedgerCommand::fingerprint),
          column(ids, byId, LedgerCommand::initiatorId)), row -> {
            claims.put(row.getString(1), Claim.NEW);
          });
      if (claims.size() == ids.size()) {
        return claims;
      }
      ids.removeAll(claims.keySet());
      jdbc.query(connection -> statement(connection, CLAIMED_BEFORE, ids), row -> {
        claims.put(row.getString(1), row.getString(2).equals(byId.get(row.getString(1)).fingerprint())
            ? Claim.SAME : Claim.OTHER);
      });
      if (claims.size() < byId.size()) {
        // expired and forgotten between the two statements: unknown, so not published
        throw new ClaimsUnavailableException(new IllegalStateException("a claim vanished while it was read"));
      }
      return claims;
    } catch (DataAccessException e) {
      throw new ClaimsUnavailableException(e);
    } finally {
      sample.stop(claims);
    }
  }

  /**
   * Whether this initiator claimed the id (within the retention): submitted it with a key, at some
   * instance. A claim made before claims held their initiator counts for anyone.
   *
   * @throws ClaimsUnavailableException if the table cannot be read
   */
  public boolean isClaimedBy(String transactionId, String initiatorId) {
    try {
      return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM idempotency_claims "
          + "WHERE transaction_id = ?::uuid AND (initiator_id = ? OR initiator_id IS NULL))", Boolean.class,
          transactionId, initiatorId));
    } catch (DataAccessException e) {
      throw new ClaimsUnavailableException(e);
    }
  }

  private static List<String> column(List<String> ids, Map<String, LedgerCommand> byId,
      Function<LedgerCommand, String> value) {
    return ids.stream().map(id -> value.apply(byId.get(id))).toList();
  }

  /** The statement with one text array bound per parameter, in order. */
  @SafeVarargs
  private static PreparedStatement statement(Connection connection, String sql, List<String>... columns)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < columns.length; i++) {
      statement.setArray(i + 1, textArray(connection, columns[i]));
    }
    return statement;
  }

  private static Array textArray(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray(String[]::new));
  }

  /**
   * Claims older than the retention go; the view, which keeps every transaction's fingerprint,
   * answers for those ids by then. Run by every instance; deleting a row twice is harmless.
   */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void forgetExpired() {
    try {
      int forgotten = 0;
      int deleted;
      do {
        deleted = jdbc.update("DELETE FROM idempotency_claims WHERE transaction_id IN (SELECT transaction_id "
            + "FROM idempotency_claims WHERE claimed_at < now() - ?::interval LIMIT ?)",
            retention.toSeconds() + " seconds", FORGET_AT_ONCE);
        forgotten += deleted;
      } while (deleted == FORGET_AT_ONCE);
      if (forgotten > 0) {
        log.info("forgot {} idempotency claims older than {}", forgotten, retention);
      }
    } catch (DataAccessException e) {
      log.warn("cannot delete the expired idempotency claims (next try in 10 minutes): {}", e.getMessage());
    }
  }
}
