package com.kafkaledger.bench.baseline;

import java.sql.SQLException;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One kind of money movement, prepared on one client's connection. */
interface Movement {

  /** The script's {@code \set} lines: fresh random variables for one transaction. */
  Map<String, Long> draw(RandomGenerator random);

  /** One whole SQL transaction with these variables, committed when this returns. */
  void execute(Map<String, Long> variables) throws SQLException;

  /** Undoes a transaction that failed half-way (deadlock, serialization failure) before a retry. */
  void rollback() throws SQLException;
}
