package com.kafkaledger.localcluster;

import com.kafkaledger.localcluster.kafka.KafkaBroker;
import com.kafkaledger.localcluster.kafka.KafkaClusterId;
import com.kafkaledger.localcluster.kafka.KafkaNodeSettings;
import com.kafkaledger.localcluster.postgres.PostgresServer;
import com.kafkaledger.localcluster.process.ChildProcess;
import com.kafkaledger.localcluster.process.LogTail;
import com.kafkaledger.localcluster.service.LedgerService;
import com.kafkaledger.localcluster.service.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Started by ./run-local: PostgreSQL, one Kafka node and the three services on this machine, each
 * checked healthy, until Ctrl-C or SIGTERM stops them in the reverse order.
 */
public final class LocalCluster {

  static final String DATABASE = "ledger";
  static final String INFRA_ONLY_FLAG = "--infra-only";
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final int LOG_LINES = 40;

  private final LocalClusterSettings settings;
  private final LocalSecrets secrets;
  private final boolean infrastructureOnly;
  private final ShutdownSequence shutdown = new ShutdownSequence();
  private PostgresServer postgres;

  LocalCluster(LocalClusterSettings settings, LocalSecrets secrets, boolean infrastructureOnly) {
    this.settings = settings;
    this.secrets = secrets;
    this.infrastructureOnly = infrastructureOnly;
  }

  public static void main(String[] args) throws InterruptedException {
    List<String> arguments = Arrays.asList(args);
    List<String> unknown = arguments.stream()
        .filter(arg -> !arg.equals(INFRA_ONLY_FLAG) && !arg.equals(DemoData.DEMO_FLAG)).toList();
    if (!unknown.isEmpty()) {
      fail("unknown arguments " + unknown + "; the known ones are " + INFRA_ONLY_FLAG + " and "
          + DemoData.DEMO_FLAG, 2);
    }
    boolean demo = arguments.contains(DemoData.DEMO_FLAG);
    if (demo && arguments.contains(INFRA_ONLY_FLAG)) {
      fail(DemoData.DEMO_FLAG + " needs the services, it cannot go with " + INFRA_ONLY_FLAG, 2);
    }
    LocalCluster cluster;
    try {
      LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(System.getenv(),
          Path.of("").toAbsolutePath());
      cluster = new LocalCluster(settings, LocalSecrets.readOrCreate(System.getenv(), settings.secretsDirectory()),
          arguments.contains(INFRA_ONLY_FLAG));
    } catch (IllegalArgumentException e) {
      fail(e.getMessage(), 2);
      return;
    } catch (IOException e) {
      fail("cannot keep the local secrets: " + e.getMessage(), 1);
      return;
    }
    // Runs on Ctrl-C, SIGTERM and System.exit alike.
    Runtime.getRuntime().addShutdownHook(new Thread(cluster.shutdown::stopAll, "local-cluster-shutdown"));
    try {
      cluster.start();
    } catch (StartupFailure | RuntimeException e) {
      if (cluster.shutdown.isStopping()) {
        return; // Ctrl-C during the start: the parts died because the shutdown hook stopped them
      }
      fail(e instanceof StartupFailure ? e.getMessage() : e.toString(), 1);
    }
    System.out.print(Banner.text(cluster.settings, cluster.secrets, cluster.infrastructureOnly));
    if (demo) {
      cluster.loadDemoData();
    }
    new CountDownLatch(1).await(); // the foreground stays until a signal ends the JVM
  }

  /** A failed load leaves the cluster running: whatever was loaded stays, and --demo again completes it. */
  private void loadDemoData() throws InterruptedException {
    System.out.println("loading the sample data through " + gatewayUrl());
    try {
      DemoData.Loaded loaded = new DemoData(gatewayUrl()).load();
      System.out.print(DemoData.describe(loaded, settings.ports().gateway(), settings.operator()));
    } catch (IOException | RuntimeException e) {
      System.err.println("run-local: the sample data could not be loaded: " + e.getMessage());
    }
  }

  /**
   * For programs that need the whole pipeline running (the benchmark): starts it as ./run-local
   * would with these variables, and waits until every part is ready. {@link #stop()} ends it.
   */
  public static LocalCluster startAsRunLocal(Map<String, String> environment, Path projectRoot)
      throws StartupFailure, IOException, InterruptedException {
    LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(environment, projectRoot);
    LocalCluster cluster = new LocalCluster(settings,
        LocalSecrets.readOrCreate(environment, settings.secretsDirectory()), false);
    try {
      cluster.start();
    } catch (StartupFailure | RuntimeException e) {
      cluster.stop();
      throw e;
    }
    return cluster;
  }

  /** Services first, then Kafka, then PostgreSQL. */
  public void stop() {
    shutdown.stopAll();
  }

  public String gatewayUrl() {
    return "http://127.0.0.1:" + settings.ports().gateway();
  }

  public String jdbcUrl() {
    return settings.jdbcUrl();
  }

  /** Where a service answers HTTP: its API, and its metrics at /actuator/prometheus. */
  public String serviceUrl(LedgerService service) {
    return "http://127.0.0.1:" + ServiceEnvironments.port(service, settings.ports());
  }

  /** The heap each service runs in (-Xmx). */
  public int serviceHeapMegabytes() {
    return settings.serviceHeapMegabytes();
  }

  /** The partitions ./run-local gives each topic it creates under this environment (LEDGER_PARTITIONS). */
  public static int topicPartitions(Map<String, String> environment) {
    return LocalClusterSettings.partitions(environment);
  }

  /** Every option each service's JVM is started with, the heap's included. */
  public List<String> serviceJvmOptions() {
    return settings.serviceJvmOptions();
  }

  public String kafkaBootstrapServers() {
    return settings.kafkaBootstrapServers();
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public String operatorEmail() {
    return settings.operator().email();
  }

  public String operatorPassword() {
    return settings.operator().password();
  }

  private static void fail(String message, int exitCode) {
    System.err.println("run-local: " + message);
    System.exit(exitCode);
  }

  void start() throws StartupFailure, InterruptedException {
    Instant deadline = Instant.now().plus(settings.startupTimeout());
    requirePortsFree();
    if (!infrastructureOnly) {
      requireServiceJars();
    }
    startPostgres();
    startKafka(deadline);
    if (!infrastructureOnly) {
      startServices(deadline);
    }
  }

  private void requirePortsFree() throws StartupFailure {
    List<String> taken = PortAvailability.taken(settings.ports().byPurpose(infrastructureOnly));
    if (!taken.isEmpty()) {
      throw new StartupFailure("refusing to start, ports are taken (is another ./run-local running?)"
          + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", taken)
          + System.lineSeparator() + "Choose other ports with the variables named above (./run-local --help).");
    }
  }

  private void requireServiceJars() throws StartupFailure {
    List<String> missing = Arrays.stream(LedgerService.values())
        .map(service -> service.executableJar(settings.projectRoot()))
        .filter(jar -> !Files.isRegularFile(jar))
        .map(Path::toString)
        .toList();
    if (!missing.isEmpty()) {
      throw new StartupFailure("missing " + missing + "; build them with ./run-local --rebuild");
    }
  }

  private void startPostgres() throws StartupFailure {
    Path log = settings.logDirectory().resolve("postgres.log");
    System.out.printf("starting PostgreSQL on 127.0.0.1:%d (data in %s)%n", settings.ports().postgres(),
        settings.postgresDataDirectory());
    try {
      postgres = PostgresServer.start(settings.postgresDataDirectory(), settings.ports().postgres(), log);
      shutdown.add("PostgreSQL", () -> closeQuietly(postgres));
      postgres.createDatabaseIfMissing(DATABASE);
      System.out.printf("PostgreSQL is ready, database %s exists%n", DATABASE);
    } catch (Exception e) {
      throw new StartupFailure("PostgreSQL did not start: " + e + System.lineSeparator() + LogTail.describe(log,
          LOG_LINES), e);
    }
  }

  private void startKafka(Instant deadline) throws StartupFailure, InterruptedException {
    KafkaNodeSettings node = KafkaNodeSettings.singleNode(settings.kafkaDirectory(),
        settings.logDirectory().resolve("kafka.log"), settings.ports().kafka(), settings.ports().kafkaController());
    System.out.printf("starting Kafka on %s (KRaft controller on port %d)%n", node.bootstrapServers(),
        node.controllerPort());
    KafkaBroker broker;
    try {
      broker = new KafkaBroker(node, KafkaClusterId.readOrCreate(settings.kafkaDirectory().resolve("cluster.id")));
      broker.start();
    } catch (IOException e) {
      throw new StartupFailure("Kafka did not start: " + e.getMessage(), e);
    }
    shutdown.add("Kafka", () -> broker.stop(STOP_GRACE));
    reportUnexpectedExit(broker.process());
    ReadinessWait.awaitAll(List.of(new ReadinessWait.Awaited(broker.process(), broker::isReady)), deadline,
        settings.startupTimeout());
    try {
      LedgerTopics.createMissing(node.bootstrapServers(), settings.partitions());
    } catch (Exception e) {
      throw new StartupFailure("cannot create the topics: " + e, e);
    }
  }

  private void startServices(Instant deadline) throws StartupFailure, InterruptedException {
    List<ReadinessWait.Awaited> awaited = new ArrayList<>();
    for (LedgerService service : LedgerService.values()) {
      int port = ServiceEnvironments.port(service, settings.ports());
      System.out.printf("starting %s on 127.0.0.1:%d%n", service.moduleName(), port);
      ServiceProcess started = startService(service, port);
      shutdown.add(service.moduleName(), () -> started.process().stop(STOP_GRACE));
      reportUnexpectedExit(started.process());
      awaited.add(new ReadinessWait.Awaited(started.process(), started::isReady));
    }
    ReadinessWait.awaitAll(awaited, deadline, settings.startupTimeout());
  }

  private ServiceProcess startService(LedgerService service, int port) throws StartupFailure {
    Path log = settings.logDirectory().resolve(service.moduleName() + ".log");
    try {
      return ServiceProcess.start(service, service.moduleName(), settings.projectRoot(), port,
          settings.serviceJvmOptions(), ServiceEnvironments.of(service, settings, secrets),
          log);
    } catch (IOException e) {
      throw new StartupFailure(service.moduleName() + " did not start: " + e.getMessage(), e);
    }
  }

  // A process that ends while nobody asked it to is worth telling about, with what it said last.
  private void reportUnexpectedExit(ChildProcess process) {
    process.onExit().thenRun(() -> {
      if (!shutdown.isStopping()) {
        System.err.printf("%n%s (pid %d) exited on its own with code %d%n%s", process.name(), process.pid(),
            process.exitCode(), LogTail.describe(process.logFile(), LOG_LINES));
      }
    });
  }

  private static void closeQuietly(PostgresServer postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
