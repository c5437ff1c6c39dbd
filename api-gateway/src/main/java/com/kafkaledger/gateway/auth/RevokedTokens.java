package com.kafkaledger.gateway.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Logged-out tokens. Shared by every gateway instance through the database, so a token is refused
 * everywhere from the moment its logout returns. Entries go once the token would have expired.
 */
@Repository
public class RevokedTokens {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  RevokedTokens(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void revoke(String tokenId, Instant expiresAt) {
    jdbc.update("INSERT INTO revoked_tokens (token_id, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        tokenId, Timestamp.from(expiresAt));
  }

  public boolean isRevoked(String tokenId) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM revoked_tokens WHERE token_id = ?)", Boolean.class, tokenId));
  }

  @Scheduled(fixedDelayString = "PT10M")
  void forgetExpired() {
    jdbc.update("DELETE FROM revoked_tokens WHERE expires_at < ?", Timestamp.from(clock.instant()));
  }
}
