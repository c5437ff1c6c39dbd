package com.kafkaledger.localcluster;

import com.kafkaledger.localcluster.postgres.PostgresServer;

/** What a developer needs once the cluster is up: where each part answers and where its data is. */
final class Banner {

  private Banner() {}

  static String text(LocalClusterSettings settings, LocalSecrets secrets, boolean infrastructureOnly) {
    LocalClusterSettings.Ports ports = settings.ports();
    StringBuilder text = new StringBuilder(System.lineSeparator())
        .append(infrastructureOnly ? "Kafka and PostgreSQL are up (--infra-only, no services)."
            : "The local ledger cluster is up.").append(System.lineSeparator());
    if (!infrastructureOnly) {
      line(text, "Gateway API", "http://localhost:" + ports.gateway() + "/api/v1");
      line(text, "API docs", "http://localhost:" + ports.gateway() + "/swagger-ui/index.html");
      line(text, "Gateway health", health(ports.gateway()));
      line(text, "Processor health", health(ports.processor()));
      line(text, "View health", health(ports.view()));
      line(text, "Operator login", operatorLogin(settings.operator()));
      line(text, "Operator token", tokenRequest(ports.gateway(), settings.operator()));
    }
    line(text, "Kafka bootstrap", "localhost:" + ports.kafka());
    line(text, "PostgreSQL", settings.jdbcUrl() + " (user " + PostgresServer.USERNAME + ", password "
        + PostgresServer.PASSWORD + ")");
    line(text, "Data directory", settings.dataDirectory().toString());
    line(text, "Logs", settings.logDirectory().toString());
    // Where the secrets are, never their values; a service started from the IDE needs them too.
    line(text, "Service secrets", secrets.tokenSecret() + ", " + secrets.internalToken() + ", "
        + secrets.legSigningKey());
    return text.append("Press Ctrl-C to stop everything.").append(System.lineSeparator()).toString();
  }

  static String operatorLogin(LocalClusterSettings.OperatorLogin operator) {
    String email = operator.email() + (operator.emailDefaulted() ? " (local default)" : "");
    String password = operator.passwordDefaulted()
        ? operator.password() + " (local default; set LEDGER_OPERATOR_PASSWORD to choose one)"
        : "from LEDGER_OPERATOR_PASSWORD";
    return email + ", password " + password;
  }

  /**
   * A command that signs the operator in; the password only when it is the printed local default,
   * else a placeholder, so that a chosen password never lands in a terminal's scrollback.
   */
  static String tokenRequest(int gatewayPort, LocalClusterSettings.OperatorLogin operator) {
    String password = operator.passwordDefaulted() ? operator.password() : "<LEDGER_OPERATOR_PASSWORD>";
    String body = "{\"email\":\"" + json(operator.email()) + "\",\"password\":\"" + json(password) + "\"}";
    return "curl -s -X POST localhost:" + gatewayPort + "/api/v1/auth/token"
        + " -H 'Content-Type: application/json' -d " + singleQuoted(body);
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String singleQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String health(int port) {
    return "http://localhost:" + port + "/actuator/health";
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("  %-17s %s%n", label, value));
  }
}
