package com.kafkaledger.gateway;

import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway on a real PostgreSQL (its users and logged-out tokens), with Kafka and the view
 * deliberately unreachable: what needs neither can be tested, and what needs them answers 503.
 */
final class GatewayWithoutBackends {

  private GatewayWithoutBackends() {}

  static ConfigurableApplicationContext start(String databaseName, String... extraArguments) {
    return startOn(TestInfrastructure.newDatabase(databaseName), extraArguments);
  }

  /** Another instance on a database an earlier one created, as instances share it in production. */
  static ConfigurableApplicationContext startOn(PostgresCoordinates database, String... extraArguments) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + database.jdbcUrl() + "?currentSchema=gateway",
        "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password(),
        // Nothing listens on port 1.
        "--spring.kafka.bootstrap-servers=127.0.0.1:1",
        "--spring.kafka.producer.properties.max.block.ms=1000",
        "--ledger.gateway.view-url=http://127.0.0.1:1",
        "--ledger.gateway.token-secret=a-test-secret-of-at-least-32-bytes!!",
        "--ledger.gateway.internal-token=test-internal-token"));
    arguments.addAll(List.of(extraArguments));
    return ApiGatewayApplication.builder().run(arguments.toArray(String[]::new));
  }

  static String baseUrl(ConfigurableApplicationContext gateway) {
    return "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
  }
}
