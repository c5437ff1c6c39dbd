package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A script statement prepared on one client's connection, its parameters bound by variable name. */
final class PreparedScriptStatement {

  private final PreparedStatement statement;
  private final List<String> parameters;

  PreparedScriptStatement(Connection connection, PgbenchScript.Statement script) throws SQLException {
    this.statement = connection.prepareStatement(script.sql());
    this.parameters = script.parameters();
  }

  /** The first column of the first row, like pgbench's {@code \gset}. */
  long queryLong(Map<String, Long> variables) throws SQLException {
    bind(variables);
    try (ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("no row for " + variables);
      }
      return row.getLong(1);
    }
  }

  /** Whether the query's first column is true (the functions answer whether the money moved). */
  boolean queryBoolean(Map<String, Long> variables) throws SQLException {
    bind(variables);
    try (ResultSet row = statement.executeQuery()) {
      return row.next() && row.getBoolean(1);
    }
  }

  void execute(Map<String, Long> variables) throws SQLException {
    bind(variables);
    statement.executeUpdate();
  }

  private void bind(Map<String, Long> variables) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Long value = variables.get(parameters.get(i));
      if (value == null) {
        throw new IllegalArgumentException("no value for :" + parameters.get(i));
      }
      statement.setLong(i + 1, value);
    }
  }
}
