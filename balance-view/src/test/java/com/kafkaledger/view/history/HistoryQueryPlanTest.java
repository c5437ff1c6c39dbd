package com.kafkaledger.view.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The history page query at a million entries, 100 per account over 10,000 accounts: every
 * variant reads the one account's entries through an index, never the whole table. In a database
 * of its own, migrated by Flyway without the service, so that the other suites stay fast.
 */
class HistoryQueryPlanTest {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  // entry n belongs to account n % 10,000 with sequence n / 10,000 + 1, an hour after the one
  // before it; every tenth entry of an account is a rejection
  private static final String ENTRIES = """
      INSERT INTO account_entries (account_id, sequence, event_id, transaction_id, transaction_type,
          event_type, status, reason, amount, currency, balance_after, counterparty_account_id,
          description, occurred_at)
      SELECT md5('account-' || n % 10000)::uuid, n / 10000 + 1, md5('event-' || n)::uuid,
          md5('transaction-' || n)::uuid, 'DEPOSIT', 'DEPOSITED',
          CASE WHEN n / 10000 % 10 = 0 THEN 'REJECTED' ELSE 'COMPLETED' END, NULL, 100, 'EUR', n,
          NULL, 'generated', timestamptz '2025-01-01 00:00:00+00' + n / 10000 * interval '1 hour'
      FROM generate_series(0, 999999) AS n
      """;

  private static JdbcClient jdbc;
  private static UUID account;

  @BeforeAll
  static void millionEntries() {
    PostgresCoordinates database = TestInfrastructure.newDatabase("view_history_plan");
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.username(), database.password())
        .load()
        .migrate();
    jdbc = JdbcClient.create(
        new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    jdbc.sql(ENTRIES).update();
    jdbc.sql("ANALYZE account_entries").update();
    account = jdbc.sql("SELECT md5('account-4242')::uuid").query(UUID.class).single();
  }

  @Test
  void everyVariantOfTheHistoryPageUsesAnIndex() {
    assertThat(jdbc.sql("SELECT count(*) FROM account_entries WHERE account_id = ?").param(account)
        .query(Long.class).single()).as("the account's entries").isEqualTo(100);
    Instant from = START.plusSeconds(20 * 3600);
    Instant to = START.plusSeconds(40 * 3600);
    List<HistoryQuery> variants = List.of(
        new HistoryQuery(account, 20, null, null, null, null),
        new HistoryQuery(account, 20, 60L, null, null, null),
        new HistoryQuery(account, 20, null, from, null, null),
        new HistoryQuery(account, 20, null, null, to, null),
        new HistoryQuery(account, 20, null, from, to, null),
        new HistoryQuery(account, 20, null, null, null, EntryStatus.REJECTED),
        new HistoryQuery(account, 20, 60L, from, to, EntryStatus.COMPLETED));

    for (HistoryQuery query : variants) {
      HistoryStatement statement = HistoryStatement.of(query, query.limit() + 1);
      String plan = String.join("\n", jdbc.sql("EXPLAIN " + statement.sql())
          .params(statement.parameters())
          .query(String.class)
          .list());

      assertThat(plan).as("plan of %s", query)
          .doesNotContain("Seq Scan on account_entries")
          .containsPattern("Index (Only )?Scan.* on account_entries|Bitmap Index Scan on account_entries");
    }
  }
}
