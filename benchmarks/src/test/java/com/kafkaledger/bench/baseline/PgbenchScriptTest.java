package com.kafkaledger.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PgbenchScriptTest {

  @Test
  void keepsTheStatementsOfTheScriptInOrderWithVariablesAsParameters() {
    PgbenchScript script = PgbenchScript.load("t_transfer.sql");

    assertThat(script.statements()).extracting(PgbenchScript.Statement::sql).containsExactly(
        "SELECT balance AS bal_lo FROM accounts WHERE id = ? FOR UPDATE",
        "SELECT balance AS bal_hi FROM accounts WHERE id = ? FOR UPDATE",
        "UPDATE accounts SET balance = balance - ? WHERE id = ?",
        "UPDATE accounts SET balance = balance + ? WHERE id = ?",
        "INSERT INTO history (account_id, amount, ok) VALUES (?, ?, true)",
        "INSERT INTO history (account_id, amount, ok) VALUES (?, ?, true)",
        "INSERT INTO history (account_id, amount, ok) VALUES (?, ?, false)");
    assertThat(script.statements()).extracting(PgbenchScript.Statement::parameters).containsExactly(
        List.of("lo"), List.of("hi"), List.of("amt", "a"), List.of("amt", "b"), List.of("a", "negamt"),
        List.of("b", "amt"), List.of("a", "negamt"));
  }

  @Test
  void everyMovementFindsTheStatementsItExpects() {
    assertThat(PgbenchScript.load("w_withdraw.sql").statements()).hasSize(4);
    assertThat(PgbenchScript.load("c_charge.sql").statements()).hasSize(6);
    assertThat(PgbenchScript.load("c_charge.sql").statement(2).sql())
        .isEqualTo("UPDATE accounts SET balance = balance + ? WHERE id = 1");
    assertThat(PgbenchScript.load("c_charge_fn.sql").statements())
        .containsExactly(new PgbenchScript.Statement("SELECT charge(?, 1, ?)", List.of("cid", "amt")));
    assertThat(PgbenchScript.load("w_withdraw_fn.sql").statement(0).sql()).isEqualTo("SELECT withdraw(?, ?)");
    assertThat(PgbenchScript.load("t_transfer_fn.sql").statement(0).parameters()).containsExactly("a", "b", "amt");
  }

  @Test
  void splitsTheSchemaIntoStatementsKeepingFunctionBodiesWhole() {
    List<String> statements = BaselineDatabase.statementsOf(PgbenchScript.resource("schema.sql"));

    assertThat(statements).hasSize(8);
    assertThat(statements.get(4)).contains("CREATE FUNCTION withdraw").endsWith("END $$;");
    assertThat(statements.get(5)).contains("CREATE FUNCTION charge").contains("RETURN true;").endsWith("END $$;");
    assertThat(statements.get(7)).isEqualTo("VACUUM ANALYZE accounts;");
  }
}
