package com.kafkaledger.localcluster;

import com.kafkaledger.localcluster.postgres.PostgresServer;
import com.kafkaledger.localcluster.service.LedgerService;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables through which each service learns where everything else is. */
final class ServiceEnvironments {

  private ServiceEnvironments() {}

  /** The gateway keeps its users in this schema of the ledger database; the view keeps the default one. */
  static final String GATEWAY_SCHEMA = "gateway";

  static Map<String, String> of(LedgerService service, LocalClusterSettings settings, LocalSecrets secrets) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
    environment.put("SERVER_PORT", Integer.toString(port(service, settings.ports())));
    // Spring Boot listens on every interface unless told otherwise; this cluster is for this machine only.
    environment.put("SERVER_ADDRESS", "127.0.0.1");
    switch (service) {
      case LEDGER_PROCESSOR -> {
        environment.put("LEDGER_STATE_DIR", settings.processorStateDirectory().toString());
        environment.putAll(secrets.forProcessor());
      }
      case BALANCE_VIEW -> {
        environment.put("SPRING_DATASOURCE_URL", settings.jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USERNAME);
        environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.putAll(secrets.forView());
      }
      case API_GATEWAY -> {
        environment.put("SPRING_DATASOURCE_URL", settings.jdbcUrl(GATEWAY_SCHEMA));
        environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USERNAME);
        environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.putAll(secrets.forGateway());
        environment.put("LEDGER_VIEW_URL", "http://127.0.0.1:" + settings.ports().view());
        environment.put("LEDGER_OPERATOR_EMAIL", settings.operator().email());
        environment.put("LEDGER_OPERATOR_PASSWORD", settings.operator().password());
      }
    }
    return environment;
  }

  static int port(LedgerService service, LocalClusterSettings.Ports ports) {
    return switch (service) {
      case LEDGER_PROCESSOR -> ports.processor();
      case BALANCE_VIEW -> ports.view();
      case API_GATEWAY -> ports.gateway();
    };
  }
}
