package com.kafkaledger.localcluster.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/** A real PostgreSQL (zonky's binaries) on the loopback address, keeping its data between starts. */
public final class PostgresServer implements AutoCloseable {

  public static final String USERNAME = "postgres";
  /** initdb runs with trust authentication, so any password works; services still need one. */
  public static final String PASSWORD = "postgres";
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres server;
  private final int port;

  private PostgresServer(EmbeddedPostgres server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Runs initdb only when {@code dataDirectory} holds no cluster yet; waits until it accepts connections. */
  public static PostgresServer start(Path dataDirectory, int port, Path logFile) throws IOException {
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
    EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("listen_addresses", "127.0.0.1")
        // zonky turns fsync and synchronous commits off for throwaway test databases; this data is meant to last.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        // pg_xact_commit_timestamp(xmin) tells when a row became visible: the benchmark's
        // submit-to-visible latency is measured with it, and it answers an operator's "since when?".
        .setServerConfig("track_commit_timestamp", "on")
        // The launcher stops PostgreSQL itself, last, after the services that use it.
        .setRegisterShutdownHook(false)
        .setPGStartupWait(STARTUP_LIMIT)
        .setOutputRedirector(log)
        .setErrorRedirector(log)
        .start();
    return new PostgresServer(server, port);
  }

  public static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public String jdbcUrl(String database) {
    return jdbcUrl(port, database);
  }

  public void createDatabaseIfMissing(String database) throws SQLException {
    if (!PLAIN_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
      try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, database);
        if (exists.executeQuery().next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + database);
      }
    }
  }

  /** Stops the server (pg_ctl stop -m fast: ends sessions, then a clean shutdown checkpoint). */
  @Override
  public void close() throws IOException {
    server.close();
  }
}
