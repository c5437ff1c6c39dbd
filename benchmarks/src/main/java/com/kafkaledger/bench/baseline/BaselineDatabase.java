package com.kafkaledger.bench.baseline;

import com.kafkaledger.localcluster.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The database {@value #NAME}, loaded from the shared schema.sql afresh before every run. */
final class BaselineDatabase {

  static final String NAME = "bench_baseline";
  /** The balance schema.sql gives every account. */
  private static final long INITIAL_BALANCE = 1_000_000;

  private final PostgresServer server;

  BaselineDatabase(PostgresServer server) {
    this.server = server;
  }

  /** Drops and recreates the database and loads schema.sql, so that every run starts from the same state. */
  void recreate() throws SQLException {
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USERNAME,
        PostgresServer.PASSWORD); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
    }
    server.createDatabaseIfMissing(NAME);
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statementsOf(PgbenchScript.resource("schema.sql"))) {
        statement.execute(sql);
      }
      // Flushes the load now rather than in a checkpoint during the measured run.
      statement.execute("CHECKPOINT");
    }
  }

  /**
   * Checks that money was neither made nor lost: every balance change has its history row, so the
   * balances less the applied history amounts still add up to what schema.sql loaded.
   */
  void checkBooks() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet sums = statement.executeQuery("SELECT (SELECT sum(balance) FROM accounts),"
            + " (SELECT coalesce(sum(amount), 0) FROM history WHERE ok), (SELECT count(*) FROM accounts)")) {
      sums.next();
      long expected = sums.getLong(3) * INITIAL_BALANCE;
      long balancesBeforeHistory = sums.getLong(1) - sums.getLong(2);
      if (balancesBeforeHistory != expected) {
        throw new IllegalStateException("the baseline's books do not balance: balances minus history "
            + balancesBeforeHistory + ", loaded " + expected);
      }
    }
  }

  /** The server's version and the settings that decide what a commit costs, to print with the figures. */
  String describeServer() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet settings = statement.executeQuery("SELECT current_setting('server_version'),"
            + " current_setting('fsync'), current_setting('synchronous_commit'),"
            + " current_setting('track_commit_timestamp'), current_setting('shared_buffers')")) {
      settings.next();
      return String.format("PostgreSQL %s, fsync=%s synchronous_commit=%s track_commit_timestamp=%s"
              + " shared_buffers=%s", settings.getString(1), settings.getString(2), settings.getString(3),
          settings.getString(4), settings.getString(5));
    }
  }

  /** One client's connection: statements are prepared on the server from their first use, like pgbench -M prepared. */
  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USERNAME);
    properties.setProperty("password", PostgresServer.PASSWORD);
    properties.setProperty("prepareThreshold", "1");
    return DriverManager.getConnection(server.jdbcUrl(NAME), properties);
  }

  /**
   * The statements of an SQL file, one by one: VACUUM may not share a multi-statement string, and
   * the semicolons inside the functions' $$ bodies do not end a statement.
   */
  static List<String> statementsOf(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inBody = false;
    for (String line : script.split("\\R")) {
      current.append(line).append('\n');
      if (line.split("\\$\\$", -1).length % 2 == 0) {
        inBody = !inBody; // an odd number of $$ on the line opens or closes a body
      }
      if (!inBody && line.strip().endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank() && !isOnlyComments(current.toString())) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static boolean isOnlyComments(String text) {
    return text.lines().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("--"));
  }
}
