package com.kafkaledger.integration;

import com.kafkaledger.gateway.ApiGatewayApplication;
import com.kafkaledger.processor.LedgerProcessorApplication;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import com.kafkaledger.view.BalanceViewApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services, each its own Spring application as in production, in one JVM on a real
 * Kafka broker and a real PostgreSQL. Each can be stopped and started again.
 */
final class Pipeline implements AutoCloseable {

  /** The view's database and the processor's state: the processor and gateway have no database. */
  private static final String NO_DATABASE = "--spring.autoconfigure.exclude="
      + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
      + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

  /** Its own broker: the reconciliation compares the ledger's totals with everything on the topic. */
  final String kafka = TestInfrastructure.newKafkaBroker();
  private final String processorApplicationId = "ledger-processor-" + UUID.randomUUID();
  private final Path processorState;
  private ConfigurableApplicationContext processor;
  private ConfigurableApplicationContext view;
  private ConfigurableApplicationContext gateway;
  private PostgresCoordinates viewDatabase;
  private final String viewGroupId = "balance-view-" + UUID.randomUUID();

  private final int maxAccountsPerCustomer;

  Pipeline(String databaseName) {
    this(databaseName, 1_000);
  }

  Pipeline(String databaseName, int maxAccountsPerCustomer) {
    this.maxAccountsPerCustomer = maxAccountsPerCustomer;
    try {
      processorState = Files.createTempDirectory("ledger-processor-state");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    viewDatabase = TestInfrastructure.newDatabase(databaseName);
    startProcessor();
    startView();
    startGateway();
  }

  void startProcessor() {
    processor = LedgerProcessorApplication.builder().run(
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + kafka,
        "--spring.kafka.streams.application-id=" + processorApplicationId,
        "--spring.kafka.streams.state-dir=" + processorState,
        "--spring.kafka.streams.properties.commit.interval.ms=20",
        NO_DATABASE);
  }

  void stopProcessor() {
    processor.close();
  }

  void startView() {
    view = BalanceViewApplication.builder().run(
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + kafka,
        "--spring.kafka.consumer.group-id=" + viewGroupId,
        "--spring.datasource.url=" + viewDatabase.jdbcUrl(),
        "--spring.datasource.username=" + viewDatabase.username(),
        "--spring.datasource.password=" + viewDatabase.password());
  }

  /** Stops the view and starts it on a new, empty database: it must rebuild from the topic. */
  void rebuildViewFromScratch(String databaseName) {
    view.close();
    viewDatabase = TestInfrastructure.newDatabase(databaseName);
    startView();
    gateway.close();
    startGateway();
  }

  void startGateway() {
    gateway = ApiGatewayApplication.builder().run(
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + kafka,
        "--ledger.gateway.view-url=" + viewUrl(),
        "--ledger.gateway.max-accounts-per-customer=" + maxAccountsPerCustomer,
        NO_DATABASE);
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + port(gateway);
  }

  String viewUrl() {
    return "http://127.0.0.1:" + port(view);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  @Override
  public void close() {
    for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {gateway, view, processor}) {
      if (context != null && context.isActive()) {
        context.close();
      }
    }
  }
}
