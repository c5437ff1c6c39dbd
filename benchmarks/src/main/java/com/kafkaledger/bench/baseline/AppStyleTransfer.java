package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * t_transfer.sql: lock both rows in id order, check the source's balance, debit, credit, two
 * history rows; or only a refused history row.
 */
final class AppStyleTransfer implements Movement {

  private final Connection connection;
  // The script's statements, in file order.
  private final PreparedScriptStatement lockLower;
  private final PreparedScriptStatement lockHigher;
  private final PreparedScriptStatement debitSource;
  private final PreparedScriptStatement creditDestination;
  private final PreparedScriptStatement historySource;
  private final PreparedScriptStatement historyDestination;
  private final PreparedScriptStatement historyRefused;

  AppStyleTransfer(Connection connection, PgbenchScript script) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    this.lockLower = new PreparedScriptStatement(connection, script.statement(0));
    this.lockHigher = new PreparedScriptStatement(connection, script.statement(1));
    this.debitSource = new PreparedScriptStatement(connection, script.statement(2));
    this.creditDestination = new PreparedScriptStatement(connection, script.statement(3));
    this.historySource = new PreparedScriptStatement(connection, script.statement(4));
    this.historyDestination = new PreparedScriptStatement(connection, script.statement(5));
    this.historyRefused = new PreparedScriptStatement(connection, script.statement(6));
  }

  @Override
  public Map<String, Long> draw(RandomGenerator random) {
    return PgbenchRandom.transfer(random);
  }

  @Override
  public void execute(Map<String, Long> variables) throws SQLException {
    long lowerBalance = lockLower.queryLong(variables);
    long higherBalance = lockHigher.queryLong(variables);
    long sourceBalance = variables.get("a").equals(variables.get("lo")) ? lowerBalance : higherBalance;
    if (sourceBalance >= variables.get("amt")) {
      debitSource.execute(variables);
      creditDestination.execute(variables);
      historySource.execute(variables);
      historyDestination.execute(variables);
    } else {
      historyRefused.execute(variables);
    }
    connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    connection.rollback();
  }
}
