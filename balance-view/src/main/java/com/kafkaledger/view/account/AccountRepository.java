package com.kafkaledger.view.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

  private static final String COLUMNS = """
      SELECT account_id, owner_id, kind, currency, balance, overdraft_limit, status, version, updated_at
      FROM accounts
      """;

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AccountView> find(UUID accountId) {
    return jdbc.sql(COLUMNS + " WHERE account_id = ?")
        .param(accountId)
        .query(AccountRepository::account)
        .optional();
  }

  /** Oldest first, so that an owner's accounts keep their places in the list. */
  List<AccountView> findByOwner(String ownerId) {
    return jdbc.sql(COLUMNS + " WHERE owner_id = ? ORDER BY opened_at, account_id")
        .param(ownerId)
        .query(AccountRepository::account)
        .list();
  }

  /** What the gateway's account limit needs, without reading every account of the owner. */
  OpenAccountCount countOpen(String ownerId) {
    return jdbc.sql("""
            SELECT count(*) AS open, coalesce(bool_or(kind = 'MERCHANT'), false) AS merchant
            FROM accounts WHERE owner_id = ? AND status <> 'CLOSED'
            """)
        .param(ownerId)
        .query((row, rowNumber) -> new OpenAccountCount(row.getInt("open"), row.getBoolean("merchant")))
        .single();
  }

  private static AccountView account(ResultSet row, int rowNumber) throws SQLException {
    long balance = row.getLong("balance");
    long overdraftLimit = row.getLong("overdraft_limit");
    return new AccountView(
        row.getObject("account_id", UUID.class),
        row.getString("owner_id"),
        row.getString("kind"),
        row.getString("currency"),
        balance,
        overdraftLimit,
        Math.addExact(balance, overdraftLimit),
        row.getString("status"),
        row.getLong("version"),
        row.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
