package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** The *_fn.sql scripts: one {@code SELECT fn(...)} in autocommit, one round trip per movement. */
final class FunctionCall implements Movement {

  private final PreparedScriptStatement call;
  private final Function<RandomGenerator, Map<String, Long>> draw;

  FunctionCall(Connection connection, PgbenchScript script, Function<RandomGenerator, Map<String, Long>> draw)
      throws SQLException {
    connection.setAutoCommit(true);
    this.call = new PreparedScriptStatement(connection, script.statement(0));
    this.draw = draw;
  }

  @Override
  public Map<String, Long> draw(RandomGenerator random) {
    return draw.apply(random);
  }

  @Override
  public void execute(Map<String, Long> variables) throws SQLException {
    call.queryBoolean(variables);
  }

  @Override
  public void rollback() {
    // autocommit: the failed statement was its own transaction, already rolled back
  }
}
