package com.kafkaledger.gateway.auth;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Logged-out tokens. Logout writes the token's id to a table every gateway instance shares; each
 * instance holds the ids of the tokens not yet expired in memory and reads the rows written since
 * its last look every {@code ledger.gateway.revoked-tokens-refresh} (1 s), so the check made on
 * every request costs no round trip to the database (it was one query per request). A token is
 * refused at once by the instance that logged it out, and by every other one after its next look.
 */
@Repository
public class RevokedTokens {

  private static final Logger log = LoggerFactory.getLogger(RevokedTokens.class);
  /**
   * Rows are read again for this long after they were written: one written before the last look
   * but committed after it (its revoked_at is its statement's start) is not missed.
   */
  private static final Duration READ_AGAIN = Duration.ofMinutes(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  /** Token id to when it expires: after that the token is refused as expired anyway. */
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  /** The newest revoked_at read, on the database's clock; only the refresh thread touches it. */
  private Instant newestRead = Instant.EPOCH;

  RevokedTokens(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.clock = clock;
    readNewRows();
    registry.gauge("ledger.gateway.revoked.tokens", revoked, Map::size);
  }

  void revoke(String tokenId, Instant expiresAt) {
    jdbc.update("INSERT INTO revoked_tokens (token_id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        tokenId, Timestamp.from(expiresAt));
    revoked.put(tokenId, expiresAt);
  }

  public boolean isRevoked(String tokenId) {
    return revoked.containsKey(tokenId);
  }

  /**
   * Other instances' logouts. If the database cannot be read, the tokens known so far are still
   * refused, and the next look reads what was missed.
   */
  @Scheduled(fixedDelayString = "${ledger.gateway.revoked-tokens-refresh}")
  void refresh() {
    try {
      readNewRows();
    } catch (DataAccessException e) {
      log.warn("cannot read the logged-out tokens (those known, {}, are still refused): {}", revoked.size(),
          e.getMessage());
    }
    Instant now = clock.instant();
    revoked.values().removeIf(expiresAt -> expiresAt.isBefore(now));
  }

  private void readNewRows() {
    jdbc.query("SELECT token_id, expires_at, revoked_at FROM revoked_tokens WHERE revoked_at > ? AND expires_at > ?",
        row -> {
          revoked.put(row.getString(1), row.getTimestamp(2).toInstant());
          Instant revokedAt = row.getTimestamp(3).toInstant();
          if (revokedAt.isAfter(newestRead)) {
            newestRead = revokedAt;
          }
        },
        Timestamp.from(newestRead.minus(READ_AGAIN)), Timestamp.from(clock.instant()));
  }

  @Scheduled(fixedDelayString = "PT10M")
  void forgetExpired() {
    jdbc.update("DELETE FROM revoked_tokens WHERE expires_at < ?", Timestamp.from(clock.instant()));
  }
}
