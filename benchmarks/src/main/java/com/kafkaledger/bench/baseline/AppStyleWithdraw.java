package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.random.RandomGenerator;

/** w_withdraw.sql: lock the row, check the balance, debit and a history row, or only a refused history row. */
final class AppStyleWithdraw implements Movement {

  private final Connection connection;
  // The script's statements, in file order.
  private final PreparedScriptStatement lockAccount;
  private final PreparedScriptStatement debit;
  private final PreparedScriptStatement historyDone;
  private final PreparedScriptStatement historyRefused;

  AppStyleWithdraw(Connection connection, PgbenchScript script) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false); // pgjdbc sends BEGIN with the first statement, COMMIT on commit()
    this.lockAccount = new PreparedScriptStatement(connection, script.statement(0));
    this.debit = new PreparedScriptStatement(connection, script.statement(1));
    this.historyDone = new PreparedScriptStatement(connection, script.statement(2));
    this.historyRefused = new PreparedScriptStatement(connection, script.statement(3));
  }

  @Override
  public Map<String, Long> draw(RandomGenerator random) {
    return PgbenchRandom.withdraw(random);
  }

  @Override
  public void execute(Map<String, Long> variables) throws SQLException {
    long balance = lockAccount.queryLong(variables);
    if (balance >= variables.get("amt")) {
      debit.execute(variables);
      historyDone.execute(variables);
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
