package com.kafkaledger.integration;

import com.kafkaledger.gateway.ApiGatewayApplication;
import com.kafkaledger.processor.LedgerProcessorApplication;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import com.kafkaledger.view.BalanceViewApplication;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services, each its own Spring application as in production, in one JVM on a real
 * Kafka broker and a real PostgreSQL. Each can be stopped and started again.
 */
final class Pipeline implements AutoCloseable {

  static final String OPERATOR_EMAIL = "operator@example.com";
  static final String OPERATOR_PASSWORD = "operator-pass-1234";
  private static final String TOKEN_SECRET = "integration-token-secret-of-32-bytes!";
  private static final String INTERNAL_TOKEN = "integration-internal-token";

  /**
   * Only the gateway uses Spring Security; in a JVM shared with it, the view and the processor
   * would otherwise get Boot's default (HTTP basic) security.
   */
  private static final String SECURITY = "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
      + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
      + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
      + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
      + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
      + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration,"
      + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration";

  /** The processor has no database and, like the view, no Spring Security. */
  private static final String PROCESSOR_EXCLUSIONS = "--spring.autoconfigure.exclude="
      + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
      + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration," + SECURITY;
  private static final String VIEW_EXCLUSIONS = "--spring.autoconfigure.exclude=" + SECURITY;

  /** Its own broker: the reconciliation compares the ledger's totals with everything on the topic. */
  final String kafka = TestInfrastructure.newKafkaBroker();
  private final String processorApplicationId = "ledger-processor-" + UUID.randomUUID();
  private final Path processorState;
  private ConfigurableApplicationContext processor;
  private ConfigurableApplicationContext view;
  private ConfigurableApplicationContext gateway;
  /** Further gateways and views some tests start, stopped first. */
  private final List<ConfigurableApplicationContext> moreServices = new ArrayList<>();
  private PostgresCoordinates viewDatabase;
  private final PostgresCoordinates gatewayDatabase;
  private final String viewGroupId = "balance-view-" + UUID.randomUUID();

  private final int maxAccountsPerCustomer;
  private final String databaseAddress;

  Pipeline(String databaseName) {
    this(databaseName, 1_000);
  }

  Pipeline(String databaseName, int maxAccountsPerCustomer) {
    this(databaseName, maxAccountsPerCustomer, null);
  }

  /**
   * @param databaseAddress host:port where the gateway and the views reach their databases (a relay
   *     in front of the server), or null for the server's own address
   */
  Pipeline(String databaseName, int maxAccountsPerCustomer, String databaseAddress) {
    this.maxAccountsPerCustomer = maxAccountsPerCustomer;
    this.databaseAddress = databaseAddress;
    try {
      processorState = Files.createTempDirectory("ledger-processor-state");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    viewDatabase = TestInfrastructure.newDatabase(databaseName);
    gatewayDatabase = TestInfrastructure.newDatabase(databaseName + "_gateway");
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
        "--ledger.processor.leg-signing-key=integration-leg-signing-key-of-32-bytes",
        PROCESSOR_EXCLUSIONS);
  }

  void stopProcessor() {
    processor.close();
  }

  /** With the processor stopped: its next start restores its state from the changelogs. */
  void wipeProcessorState() {
    deleteContents(processorState);
  }

  private static void deleteContents(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).filter(path -> !path.equals(directory))
          .forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void startView() {
    view = newView(viewGroupId, viewDatabase);
  }

  /**
   * A second view, on its own database, that learns of everything up to a second late (each fetch
   * waits a second for more data): as a view behind its topics looks to the gateway that reads it.
   *
   * @return its URL
   */
  String startLaggingView(String databaseName) {
    ConfigurableApplicationContext lagging = newView("balance-view-" + UUID.randomUUID(),
        TestInfrastructure.newDatabase(databaseName),
        "--spring.kafka.consumer.properties.fetch.min.bytes=100000000",
        "--spring.kafka.consumer.properties.fetch.max.wait.ms=1000");
    moreServices.add(lagging);
    return "http://127.0.0.1:" + port(lagging);
  }

  private ConfigurableApplicationContext newView(String groupId, PostgresCoordinates database, String... extra) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + kafka,
        "--spring.kafka.consumer.group-id=" + groupId,
        "--spring.datasource.url=" + urlOf(database),
        "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password(),
        "--ledger.view.internal-token=" + INTERNAL_TOKEN,
        VIEW_EXCLUSIONS));
    arguments.addAll(List.of(extra));
    return BalanceViewApplication.builder().run(arguments.toArray(String[]::new));
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
    gateway = newGateway(viewUrl());
  }

  /**
   * One more gateway instance on the same broker and database, as behind a load balancer, reading
   * the view at {@code viewUrl}.
   */
  String startAnotherGateway(String viewUrl) {
    ConfigurableApplicationContext another = newGateway(viewUrl);
    moreServices.add(another);
    return "http://127.0.0.1:" + port(another);
  }

  private ConfigurableApplicationContext newGateway(String viewUrl) {
    return ApiGatewayApplication.builder().run(
        "--server.port=0",
        "--spring.kafka.bootstrap-servers=" + kafka,
        "--ledger.gateway.view-url=" + viewUrl,
        "--ledger.gateway.max-accounts-per-customer=" + maxAccountsPerCustomer,
        "--spring.datasource.url=" + urlOf(gatewayDatabase) + "?currentSchema=gateway",
        "--spring.datasource.username=" + gatewayDatabase.username(),
        "--spring.datasource.password=" + gatewayDatabase.password(),
        "--ledger.gateway.token-secret=" + TOKEN_SECRET,
        "--ledger.gateway.internal-token=" + INTERNAL_TOKEN,
        "--ledger.gateway.operator.email=" + OPERATOR_EMAIL,
        "--ledger.gateway.operator.password=" + OPERATOR_PASSWORD);
  }

  /** The database's JDBC URL, at {@link #databaseAddress} if there is one. */
  private String urlOf(PostgresCoordinates database) {
    String url = database.jdbcUrl();
    if (databaseAddress == null) {
      return url;
    }
    URI server = URI.create(url.substring("jdbc:".length()));
    return url.replace("//" + server.getAuthority() + "/", "//" + databaseAddress + "/");
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + port(gateway);
  }

  String viewUrl() {
    return "http://127.0.0.1:" + port(view);
  }

  /**
   * Claims a keyed transaction id for its initiator in the table the gateway instances share,
   * without publishing it: as an instance leaves it whose publish has not ended yet, or failed.
   */
  void claimWithoutPublishing(String transactionId, String initiatorId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(gatewayDatabase.jdbcUrl() + "?currentSchema=gateway",
        gatewayDatabase.username(), gatewayDatabase.password());
        PreparedStatement claim = connection.prepareStatement("INSERT INTO idempotency_claims "
            + "(transaction_id, fingerprint, initiator_id) VALUES (?::uuid, decode('00', 'hex'), ?)")) {
      claim.setString(1, transactionId);
      claim.setString(2, initiatorId);
      claim.executeUpdate();
    }
  }

  String processorUrl() {
    return "http://127.0.0.1:" + port(processor);
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  @Override
  public void close() {
    List<ConfigurableApplicationContext> contexts = new ArrayList<>(moreServices);
    contexts.addAll(java.util.Arrays.asList(gateway, view, processor)); // any may be null
    for (ConfigurableApplicationContext context : contexts) {
      if (context != null && context.isActive()) {
        context.close();
      }
    }
    // the processor's RocksDB state, a temporary directory per pipeline
    deleteContents(processorState);
    processorState.toFile().delete();
  }
}
