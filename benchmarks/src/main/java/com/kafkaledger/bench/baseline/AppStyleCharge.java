package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * c_charge.sql: lock the customer, check, debit the customer, credit merchant account 1 (the hot
 * row, locked until the commit is flushed), two history rows; or only a refused history row.
 */
final class AppStyleCharge implements Movement {

  private final Connection connection;
  // The script's statements, in file order.
  private final PreparedScriptStatement lockCustomer;
  private final PreparedScriptStatement debitCustomer;
  private final PreparedScriptStatement creditMerchant;
  private final PreparedScriptStatement historyCustomer;
  private final PreparedScriptStatement historyMerchant;
  private final PreparedScriptStatement historyRefused;

  AppStyleCharge(Connection connection, PgbenchScript script) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    this.lockCustomer = new PreparedScriptStatement(connection, script.statement(0));
    this.debitCustomer = new PreparedScriptStatement(connection, script.statement(1));
    this.creditMerchant = new PreparedScriptStatement(connection, script.statement(2));
    this.historyCustomer = new PreparedScriptStatement(connection, script.statement(3));
    this.historyMerchant = new PreparedScriptStatement(connection, script.statement(4));
    this.historyRefused = new PreparedScriptStatement(connection, script.statement(5));
  }

  @Override
  public Map<String, Long> draw(RandomGenerator random) {
    return PgbenchRandom.charge(random);
  }

  @Override
  public void execute(Map<String, Long> variables) throws SQLException {
    long balance = lockCustomer.queryLong(variables);
    if (balance >= variables.get("amt")) {
      debitCustomer.execute(variables);
      creditMerchant.execute(variables);
      historyCustomer.execute(variables);
      historyMerchant.execute(variables);
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
