package com.kafkaledger.gateway.auth;

import com.kafkaledger.events.Role;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The sign-in records, in the gateway's own schema. */
@Repository
class Users {

  private static final RowMapper<UserAccount> ROW = (rows, index) -> new UserAccount(
      rows.getString("user_id"), rows.getString("email"), rows.getString("password_hash"),
      Role.valueOf(rows.getString("role")), rows.getString("display_name"),
      rows.getTimestamp("created_at").toInstant());

  private final JdbcTemplate jdbc;

  Users(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** @throws EmailTakenException if someone signed up with that email already */
  void create(UserAccount user) {
    try {
      jdbc.update("INSERT INTO users (user_id, email, password_hash, role, display_name, created_at)"
              + " VALUES (?::uuid, ?, ?, ?, ?, ?)", user.userId(), user.email(), user.passwordHash(),
          user.role().name(), user.displayName(), Timestamp.from(user.createdAt()));
    } catch (DuplicateKeyException e) {
      throw new EmailTakenException();
    }
  }

  Optional<UserAccount> byEmail(String email) {
    return jdbc.query("SELECT * FROM users WHERE email = ?", ROW, email).stream().findFirst();
  }

  /** Creates the operator login, or resets its password, so the configured credentials always work. */
  void putOperator(String email, String passwordHash, java.time.Instant now) {
    jdbc.update("INSERT INTO users (user_id, email, password_hash, role, display_name, created_at)"
            + " VALUES (?::uuid, ?, ?, 'OPERATOR', 'Operator', ?)"
            + " ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = 'OPERATOR'",
        UUID.randomUUID().toString(), email, passwordHash, Timestamp.from(now));
  }
}
