package com.kafkaledger.bench.baseline;

import java.sql.Connection;
import java.sql.SQLException;

/** The six shared pgbench scripts: three movements, each app-style and as a server-side function. */
public enum BaselineWorkload {
  WITHDRAW_APP_STYLE("withdraw (uniform)", "app-style", "w_withdraw.sql"),
  WITHDRAW_FUNCTION("withdraw (uniform)", "function", "w_withdraw_fn.sql"),
  CHARGE_APP_STYLE("charge (hot merchant)", "app-style", "c_charge.sql"),
  CHARGE_FUNCTION("charge (hot merchant)", "function", "c_charge_fn.sql"),
  TRANSFER_APP_STYLE("transfer (uniform)", "app-style", "t_transfer.sql"),
  TRANSFER_FUNCTION("transfer (uniform)", "function", "t_transfer_fn.sql");

  private final String movement;
  private final String style;
  private final String scriptFile;

  BaselineWorkload(String movement, String style, String scriptFile) {
    this.movement = movement;
    this.style = style;
    this.scriptFile = scriptFile;
  }

  public String movement() {
    return movement;
  }

  public String style() {
    return style;
  }

  public PgbenchScript script() {
    return PgbenchScript.load(scriptFile);
  }

  /** This workload's movement, its statements prepared on {@code connection}. */
  Movement prepare(Connection connection, PgbenchScript script) throws SQLException {
    return switch (this) {
      case WITHDRAW_APP_STYLE -> new AppStyleWithdraw(connection, script);
      case CHARGE_APP_STYLE -> new AppStyleCharge(connection, script);
      case TRANSFER_APP_STYLE -> new AppStyleTransfer(connection, script);
      case WITHDRAW_FUNCTION -> new FunctionCall(connection, script, PgbenchRandom::withdraw);
      case CHARGE_FUNCTION -> new FunctionCall(connection, script, PgbenchRandom::charge);
      case TRANSFER_FUNCTION -> new FunctionCall(connection, script, PgbenchRandom::transfer);
    };
  }
}
