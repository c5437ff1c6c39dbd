package com.kafkaledger.systemtests;

import com.kafkaledger.localcluster.FreePorts;
import com.kafkaledger.localcluster.LedgerTopics;
import com.kafkaledger.localcluster.kafka.KafkaBroker;
import com.kafkaledger.localcluster.kafka.KafkaClusterId;
import com.kafkaledger.localcluster.kafka.KafkaNodeSettings;
import com.kafkaledger.localcluster.kafka.KafkaNodeSettings.ControllerVoter;
import com.kafkaledger.localcluster.postgres.PostgresServer;
import com.kafkaledger.localcluster.service.LedgerService;
import com.kafkaledger.localcluster.service.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The real topology as separate processes on the loopback address: PostgreSQL, a three-node KRaft
 * cluster (replication factor 3, min.insync.replicas 2), two ledger processors sharing the work
 * through the consumer group protocol, the view and the gateway. Each can be killed with SIGKILL
 * and started again.
 */
final class SystemCluster implements AutoCloseable {

  static final String DATABASE = "ledger";
  static final String OPERATOR_EMAIL = "operator@bank-test.local";
  static final String OPERATOR_PASSWORD = "Bank-Test-Operator-1";
  private static final int KAFKA_NODES = 3;
  private static final int PROCESSORS = 2;
  private static final int PARTITIONS = 6;
  private static final Duration START_LIMIT = Duration.ofMinutes(4);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  // Once two nodes are gone the third waits for a quorum in vain; its data is thrown away anyway.
  private static final Duration BROKER_STOP_GRACE = Duration.ofSeconds(5);
  // Small heaps and a quick-starting JIT: seven JVMs share two cores, and processors restart often.
  private static final List<String> SERVICE_JVM_OPTIONS =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final Path root;
  private final Path projectRoot;
  private final Map<String, String> secrets = new HashMap<>();
  private final List<KafkaBroker> brokers = new ArrayList<>();
  private final Service[] processors = new Service[PROCESSORS];
  private Service view;
  private Service gateway;
  private PostgresServer postgres;
  private int postgresPort;
  private boolean closed;

  SystemCluster(Path root, Path projectRoot) {
    this.root = root;
    this.projectRoot = projectRoot;
    for (String name : List.of("LEDGER_TOKEN_SECRET", "LEDGER_INTERNAL_TOKEN", "LEDGER_LEG_SIGNING_KEY")) {
      secrets.put(name, randomSecret());
    }
  }

  /** Starts everything and waits until every part answers; logs go to {@code root/logs}. */
  void start() throws IOException, InterruptedException {
    List<String> missing = Arrays.stream(LedgerService.values())
        .map(service -> service.executableJar(projectRoot))
        .filter(jar -> !Files.isRegularFile(jar)).map(Path::toString).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("missing " + missing + "; build them first (./mvnw -B install -DskipTests)");
    }
    postgresPort = FreePorts.next();
    postgres = PostgresServer.start(root.resolve("postgres"), postgresPort, log("postgres"));
    try {
      postgres.createDatabaseIfMissing(DATABASE);
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot create the database", e);
    }
    startKafka();
    for (int i = 0; i < PROCESSORS; i++) {
      processors[i] = new Service(LedgerService.LEDGER_PROCESSOR, "ledger-processor-" + (i + 1), FreePorts.next());
      processors[i].start();
    }
    view = new Service(LedgerService.BALANCE_VIEW, "balance-view", FreePorts.next());
    view.start();
    gateway = new Service(LedgerService.API_GATEWAY, "api-gateway", FreePorts.next());
    gateway.start();
    for (Service service : services()) {
      await(service.name + " ready", service::isReady, START_LIMIT);
    }
  }

  private void startKafka() throws IOException, InterruptedException {
    List<ControllerVoter> voters = new ArrayList<>();
    List<int[]> ports = new ArrayList<>();
    for (int node = 1; node <= KAFKA_NODES; node++) {
      int[] brokerAndController = {FreePorts.next(), FreePorts.next()};
      ports.add(brokerAndController);
      voters.add(new ControllerVoter(node, brokerAndController[1]));
    }
    String clusterId = KafkaClusterId.readOrCreate(root.resolve("kafka-cluster.id"));
    for (int node = 1; node <= KAFKA_NODES; node++) {
      int[] nodePorts = ports.get(node - 1);
      KafkaNodeSettings settings = new KafkaNodeSettings(node, nodePorts[0], nodePorts[1],
          root.resolve("kafka-" + node), log("kafka-" + node), voters, KAFKA_NODES);
      KafkaBroker broker = new KafkaBroker(settings, clusterId);
      broker.start();
      brokers.add(broker);
    }
    for (KafkaBroker broker : brokers) {
      await("kafka-" + broker.settings().nodeId() + " ready", broker::isReady, START_LIMIT);
    }
    try {
      LedgerTopics.createMissing(bootstrapServers(), PARTITIONS);
    } catch (Exception e) {
      throw new IOException("cannot create the topics", e);
    }
  }

  String bootstrapServers() {
    return brokers.stream().map(broker -> broker.settings().bootstrapServers()).collect(Collectors.joining(","));
  }

  String gatewayUrl() {
    return "http://127.0.0.1:" + gateway.port;
  }

  String jdbcUrl() {
    return PostgresServer.jdbcUrl(postgresPort, DATABASE);
  }

  int processorCount() {
    return PROCESSORS;
  }

  int brokerCount() {
    return brokers.size();
  }

  /** kill -9 the processor, then start it again at once (it rejoins the group and restores its state). */
  void crashAndRestartProcessor(int index) throws IOException {
    processors[index].crashAndRestart();
  }

  void crashBroker(int index) {
    brokers.get(index).kill();
  }

  void startBroker(int index) throws IOException, InterruptedException {
    brokers.get(index).start();
  }

  void crashAndRestartView() throws IOException {
    view.crashAndRestart();
  }

  void crashAndRestartGateway() throws IOException {
    gateway.crashAndRestart();
  }

  /** Starts whatever is not running and waits until all of it answers again. */
  void awaitAllRunning() throws IOException, InterruptedException {
    for (KafkaBroker broker : brokers) {
      if (!broker.process().isAlive()) {
        broker.start();
      }
      await("kafka-" + broker.settings().nodeId() + " ready", broker::isReady, START_LIMIT);
    }
    for (Service service : services()) {
      if (!service.process.process().isAlive()) {
        service.start();
      }
      await(service.name + " ready", service::isReady, START_LIMIT);
    }
  }

  Path logDirectory() {
    return root.resolve("logs");
  }

  /** Services first (gateway, view, processors), then Kafka, then PostgreSQL. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Service> started = new ArrayList<>(services());
    java.util.Collections.reverse(started);
    started.stream().filter(service -> service.process != null)
        .forEach(service -> service.process.process().stop(STOP_GRACE));
    brokers.parallelStream().forEach(broker -> broker.stop(BROKER_STOP_GRACE));
    brokers.clear();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private List<Service> services() {
    List<Service> all = new ArrayList<>();
    for (Service processor : processors) {
      if (processor != null) {
        all.add(processor);
      }
    }
    if (view != null) {
      all.add(view);
    }
    if (gateway != null) {
      all.add(gateway);
    }
    return all;
  }

  private Map<String, String> environment(Service service) {
    Map<String, String> environment = new HashMap<>();
    environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
    environment.put("SERVER_PORT", Integer.toString(service.port));
    environment.put("SERVER_ADDRESS", "127.0.0.1");
    switch (service.kind) {
      case LEDGER_PROCESSOR -> {
        environment.put("LEDGER_STATE_DIR", root.resolve(service.name + "-state").toString());
        // RocksDB unpacks its native library into /tmp and deletes it at exit, which kill -9 skips:
        // here it goes to one file of this run's directory, replaced at each start.
        environment.put("ROCKSDB_SHAREDLIB_DIR", nativeLibraryDirectory(service).toString());
        environment.put("LEDGER_LEG_SIGNING_KEY", secrets.get("LEDGER_LEG_SIGNING_KEY"));
        // The broker's minimum: a killed instance's partitions move to the other one sooner.
        environment.put("LEDGER_SESSION_TIMEOUT_MS", "6000");
      }
      case BALANCE_VIEW -> {
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USERNAME);
        environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.put("LEDGER_INTERNAL_TOKEN", secrets.get("LEDGER_INTERNAL_TOKEN"));
      }
      case API_GATEWAY -> {
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl() + "?currentSchema=gateway");
        environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USERNAME);
        environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.put("LEDGER_TOKEN_SECRET", secrets.get("LEDGER_TOKEN_SECRET"));
        environment.put("LEDGER_INTERNAL_TOKEN", secrets.get("LEDGER_INTERNAL_TOKEN"));
        environment.put("LEDGER_VIEW_URL", "http://127.0.0.1:" + view.port);
        environment.put("LEDGER_OPERATOR_EMAIL", OPERATOR_EMAIL);
        environment.put("LEDGER_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
      }
    }
    return environment;
  }

  private Path nativeLibraryDirectory(Service service) {
    return root.resolve(service.name + "-native");
  }

  private Path log(String name) {
    return logDirectory().resolve(name + ".log");
  }

  static void await(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("not " + what + " within " + limit.toSeconds() + " s");
      }
      Thread.sleep(250);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** One service process; its port and state directory stay the same across restarts. */
  private final class Service {

    final LedgerService kind;
    final String name;
    final int port;
    ServiceProcess process;

    Service(LedgerService kind, String name, int port) {
      this.kind = kind;
      this.name = name;
      this.port = port;
    }

    void start() throws IOException {
      if (kind == LedgerService.LEDGER_PROCESSOR) {
        Files.createDirectories(nativeLibraryDirectory(this));
      }
      process = ServiceProcess.start(kind, name, projectRoot, port, SERVICE_JVM_OPTIONS, environment(this), log(name));
    }

    void crashAndRestart() throws IOException {
      process.process().kill();
      start();
    }

    boolean isReady() {
      return process.process().isAlive() && process.isReady();
    }
  }
}
