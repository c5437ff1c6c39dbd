package com.kafkaledger.localcluster;

import com.kafkaledger.localcluster.postgres.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What ./run-local is told through environment variables, with the local defaults. */
record LocalClusterSettings(Path projectRoot, Path dataDirectory, Ports ports, int partitions,
    Duration startupTimeout, OperatorLogin operator, int serviceHeapMegabytes, List<String> serviceJavaOptions) {

  static final String DEFAULT_OPERATOR_EMAIL = "operator@ledger.local";
  static final String DEFAULT_OPERATOR_PASSWORD = "Local-Operator-Pass-1";
  private static final int MAX_PARTITIONS = 1_000;
  private static final int MAX_STARTUP_TIMEOUT_SECONDS = 3_600;
  /** The heap each service runs in; the README's benchmark figures were measured with it. */
  static final int DEFAULT_SERVICE_HEAP_MEGABYTES = 512;

  static LocalClusterSettings fromEnvironment(Map<String, String> environment, Path projectRoot) {
    Ports ports = new Ports(
        port(environment, "LEDGER_GATEWAY_PORT", 8080),
        port(environment, "LEDGER_PROCESSOR_PORT", 8081),
        port(environment, "LEDGER_VIEW_PORT", 8082),
        port(environment, "LEDGER_KAFKA_PORT", 9092),
        port(environment, "LEDGER_KAFKA_CONTROLLER_PORT", 9093),
        port(environment, "LEDGER_POSTGRES_PORT", 5432));
    ports.requireDistinct();
    String dataDirectory = environment.getOrDefault("LEDGER_DATA_DIR", "");
    return new LocalClusterSettings(projectRoot,
        dataDirectory.isBlank() ? projectRoot.resolve(".local-data") : projectRoot.resolve(dataDirectory),
        ports,
        partitions(environment),
        Duration.ofSeconds(number(environment, "LEDGER_STARTUP_TIMEOUT_SECONDS", 180, MAX_STARTUP_TIMEOUT_SECONDS)),
        OperatorLogin.fromEnvironment(environment),
        number(environment, "LEDGER_SERVICE_HEAP_MB", DEFAULT_SERVICE_HEAP_MEGABYTES, 65_536),
        serviceJavaOptions(environment.getOrDefault("LEDGER_SERVICE_JAVA_OPTIONS", "")));
  }

  // The heap is LEDGER_SERVICE_HEAP_MB's alone: the benchmark judges each service's memory against it.
  private static List<String> serviceJavaOptions(String text) {
    List<String> options = text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    if (options.stream().anyMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize"))) {
      throw new IllegalArgumentException(
          "LEDGER_SERVICE_JAVA_OPTIONS must not set the maximum heap; LEDGER_SERVICE_HEAP_MB does, was '" + text + "'");
    }
    return options;
  }

  /** What each service's JVM is started with: its heap, then LEDGER_SERVICE_JAVA_OPTIONS. */
  List<String> serviceJvmOptions() {
    List<String> options = new ArrayList<>();
    options.add("-Xmx" + serviceHeapMegabytes + "m");
    options.addAll(serviceJavaOptions);
    return List.copyOf(options);
  }

  /** LEDGER_PARTITIONS: of each topic at its creation. */
  static int partitions(Map<String, String> environment) {
    return number(environment, "LEDGER_PARTITIONS", 12, MAX_PARTITIONS);
  }

  private static int port(Map<String, String> environment, String variable, int defaultPort) {
    return number(environment, variable, defaultPort, 65_535);
  }

  private static int number(Map<String, String> environment, String variable, int defaultValue, int max) {
    String text = environment.getOrDefault(variable, "").strip();
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(variable + " must be a whole number from 1 to " + max + ", was '" + text + "'");
  }

  Path logDirectory() {
    return dataDirectory.resolve("logs");
  }

  Path kafkaDirectory() {
    return dataDirectory.resolve("kafka");
  }

  Path postgresDataDirectory() {
    return dataDirectory.resolve("postgres");
  }

  Path secretsDirectory() {
    return dataDirectory.resolve("secrets");
  }

  Path processorStateDirectory() {
    return dataDirectory.resolve("ledger-processor-state");
  }

  String kafkaBootstrapServers() {
    return "127.0.0.1:" + ports.kafka();
  }

  String jdbcUrl() {
    return PostgresServer.jdbcUrl(ports.postgres(), LocalCluster.DATABASE);
  }

  /** The same database, where the tables live in the given schema (Flyway creates it). */
  String jdbcUrl(String schema) {
    return jdbcUrl() + "?currentSchema=" + schema;
  }

  /** Every port the launcher listens on, all on 127.0.0.1. */
  record Ports(int gateway, int processor, int view, int kafka, int kafkaController, int postgres) {

    /** What listens on each port, for messages; without the services when only the infrastructure runs. */
    Map<Integer, String> byPurpose(boolean infrastructureOnly) {
      Map<Integer, String> purposes = new LinkedHashMap<>();
      purposes.put(postgres, "PostgreSQL (LEDGER_POSTGRES_PORT)");
      purposes.put(kafka, "Kafka broker (LEDGER_KAFKA_PORT)");
      purposes.put(kafkaController, "Kafka controller (LEDGER_KAFKA_CONTROLLER_PORT)");
      if (!infrastructureOnly) {
        purposes.put(processor, "ledger-processor (LEDGER_PROCESSOR_PORT)");
        purposes.put(view, "balance-view (LEDGER_VIEW_PORT)");
        purposes.put(gateway, "api-gateway (LEDGER_GATEWAY_PORT)");
      }
      return purposes;
    }

    private void requireDistinct() {
      Map<Integer, String> seen = new HashMap<>();
      putDistinct(seen, gateway, "LEDGER_GATEWAY_PORT");
      putDistinct(seen, processor, "LEDGER_PROCESSOR_PORT");
      putDistinct(seen, view, "LEDGER_VIEW_PORT");
      putDistinct(seen, kafka, "LEDGER_KAFKA_PORT");
      putDistinct(seen, kafkaController, "LEDGER_KAFKA_CONTROLLER_PORT");
      putDistinct(seen, postgres, "LEDGER_POSTGRES_PORT");
    }

    private static void putDistinct(Map<Integer, String> seen, int port, String variable) {
      String other = seen.putIfAbsent(port, variable);
      if (other != null) {
        throw new IllegalArgumentException(other + " and " + variable + " are both " + port);
      }
    }
  }

  /** The operator login the gateway creates at start. */
  record OperatorLogin(String email, String password, boolean emailDefaulted, boolean passwordDefaulted) {

    static OperatorLogin fromEnvironment(Map<String, String> environment) {
      String email = environment.getOrDefault("LEDGER_OPERATOR_EMAIL", "");
      String password = environment.getOrDefault("LEDGER_OPERATOR_PASSWORD", "");
      return new OperatorLogin(email.isBlank() ? DEFAULT_OPERATOR_EMAIL : email,
          password.isBlank() ? DEFAULT_OPERATOR_PASSWORD : password, email.isBlank(), password.isBlank());
    }

    @Override
    public String toString() {
      return "OperatorLogin[" + email + "]"; // never the password
    }
  }
}
