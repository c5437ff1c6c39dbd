package com.kafkaledger.systemtests;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.localcluster.postgres.PostgresServer;
import com.kafkaledger.localcluster.service.LedgerService;
import com.kafkaledger.systemtests.BankChecks.Check;
import com.kafkaledger.systemtests.Workload.Accepted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The bank test: the real topology under concurrent careful clients while processes are killed
 * with SIGKILL, then, at quiescence, the books, the outcomes, every account's event sequence and
 * the view checked. Exits non-zero on any violation. {@code --minutes N} for a long run.
 */
public final class BankTest {

  private static final Duration QUIESCENCE_LIMIT = Duration.ofMinutes(5);

  /**
   * @param load how long the clients and the faults run
   * @param processorKillEvery how often a ledger processor is killed
   * @param faultCycle once per cycle a Kafka node, the view and the gateway are killed
   */
  public record Settings(Path projectRoot, Path workDirectory, Duration load, Duration processorKillEvery,
      Duration faultCycle) {

    /** What ./mvnw -B verify runs: at least 5 processor kills and one of each other fault. */
    public static Settings shortRun(Path projectRoot) {
      return new Settings(projectRoot, projectRoot.resolve("system-tests/target/bank-test"), Duration.ofSeconds(65),
          Duration.ofSeconds(10), Duration.ofSeconds(65));
    }

    static Settings fromArguments(String[] arguments, Path projectRoot) {
      Settings settings = shortRun(projectRoot);
      for (int i = 0; i < arguments.length; i++) {
        switch (arguments[i]) {
          case "--minutes" -> settings = new Settings(projectRoot, settings.workDirectory(),
              Duration.ofMinutes(Long.parseLong(value(arguments, ++i, "--minutes"))), settings.processorKillEvery(),
              Duration.ofMinutes(2));
          case "--work-dir" -> settings = new Settings(projectRoot, Path.of(value(arguments, ++i, "--work-dir"))
              .toAbsolutePath(), settings.load(), settings.processorKillEvery(), settings.faultCycle());
          default -> throw new IllegalArgumentException("unknown argument " + arguments[i]
              + "; usage: bank-test [--minutes N] [--work-dir DIR]");
        }
      }
      return settings;
    }

    private static String value(String[] arguments, int index, String flag) {
      if (index >= arguments.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return arguments[index];
    }
  }

  /** What a run found: the checks' lines and the totals of the summary line. */
  public record Result(List<Check> checks, long requests, int processorKills, int brokerKills, int kills) {

    public long violations() {
      return checks.stream().mapToLong(Check::violations).sum();
    }

    public String summary() {
      return String.format("bank test: %d violations, %d requests, %d kills", violations(), requests, kills);
    }
  }

  public static void main(String[] arguments) {
    Settings settings;
    try {
      settings = Settings.fromArguments(arguments, LedgerService.projectRoot());
    } catch (IllegalArgumentException e) {
      System.err.println("bank test: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      Result result = run(settings);
      System.exit(result.violations() == 0 ? 0 : 1);
    } catch (Exception e) {
      e.printStackTrace();
      System.err.println("bank test: could not run: " + e);
      System.exit(2);
    }
  }

  public static Result run(Settings settings) throws Exception {
    deleteRecursively(settings.workDirectory());
    Files.createDirectories(settings.workDirectory());
    say("starting PostgreSQL, 3 Kafka nodes, 2 ledger processors, the view and the gateway (logs in %s)",
        settings.workDirectory().resolve("logs"));
    SystemCluster cluster = new SystemCluster(settings.workDirectory(), settings.projectRoot());
    // Ctrl-C or a killed test JVM must not leave seven processes behind.
    Thread stopOnSignal = new Thread(cluster::close, "bank-test-shutdown");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      cluster.start();
      Workload workload = new Workload(cluster.gatewayUrl());
      workload.setUp(SystemCluster.OPERATOR_EMAIL, SystemCluster.OPERATOR_PASSWORD);
      workload.awaitAccountsOpen();
      Nemesis nemesis = new Nemesis(cluster, settings.processorKillEvery(), settings.faultCycle());
      say("clients and faults for %d s", settings.load().toSeconds());
      workload.start();
      nemesis.start();
      Thread.sleep(settings.load().toMillis());
      nemesis.stopAndAwait();
      workload.stopAndAwait();
      say("quiescence: %d requests sent, %d accepted, %d retried attempts; every part running again",
          workload.requests.get(), workload.accepted.size(), ApiClient.RETRIES.get());
      cluster.awaitAllRunning();

      List<Accepted> accepted = List.copyOf(workload.accepted);
      awaitNoPending(cluster, accepted);
      Map<String, String> statuses = statusesSeenByClients(accepted);
      JsonNode reconciliation = awaitViewCaughtUp(workload.operator());
      List<LedgerEvent> events = EventLog.readAll(cluster.bootstrapServers());

      BankChecks checks = new BankChecks(events, accepted, statuses);
      List<Check> lines = new ArrayList<>();
      lines.add(requests(workload, nemesis));
      lines.add(booksDuringFaults(workload));
      lines.add(checks.books());
      lines.add(checks.sequences());
      lines.add(checks.outcomes());
      try (Connection view = DriverManager.getConnection(cluster.jdbcUrl(), PostgresServer.USERNAME,
          PostgresServer.PASSWORD)) {
        lines.add(checks.view(view, reconciliation));
      }
      Result result = new Result(lines, workload.requests.get(), nemesis.processorKills.get(),
          nemesis.brokerKills.get(), nemesis.kills());
      lines.forEach(check -> System.out.println(check.line()));
      System.out.printf("faults: %d ledger-processor, %d kafka, %d balance-view, %d api-gateway kill -9s%n",
          nemesis.processorKills.get(), nemesis.brokerKills.get(), nemesis.viewKills.get(),
          nemesis.gatewayKills.get());
      System.out.println(result.summary());
      return result;
    } finally {
      cluster.close();
      Runtime.getRuntime().removeShutdownHook(stopOnSignal);
    }
  }

  // Every request is decided: 202, or a refusal; a careful client with valid requests gets no refusal.
  private static Check requests(Workload workload, Nemesis nemesis) {
    List<String> problems = new ArrayList<>();
    workload.refused.forEach((status, count) -> problems.add(count.get() + " answered " + status));
    if (workload.undecided.get() > 0) {
      problems.add(workload.undecided.get() + " never decided");
    }
    if (nemesis.failure() != null) {
      problems.add("faults stopped early: " + nemesis.failure());
    }
    long violations = workload.refused.values().stream().mapToLong(count -> count.get()).sum()
        + workload.undecided.get() + (nemesis.failure() == null ? 0 : 1);
    return new Check("requests", violations, workload.requests.get() + " sent, " + workload.accepted.size()
        + " accepted, " + ApiClient.RETRIES.get() + " attempts retried with the same Idempotency-Key", problems);
  }

  // The view's own table says when nothing accepted is PENDING any more; cheaper than asking the API in a loop.
  private static Check booksDuringFaults(Workload workload) {
    List<String> unbalanced = List.copyOf(workload.unbalancedReads);
    return new Check("snapshots", unbalanced.size(), workload.booksReads.get()
        + " reads of the books by the operator during the faults, each must balance", unbalanced.stream().limit(5)
        .toList());
  }

  private static void awaitNoPending(SystemCluster cluster, List<Accepted> accepted)
      throws SQLException, InterruptedException {
    try (Connection view = DriverManager.getConnection(cluster.jdbcUrl(), PostgresServer.USERNAME,
        PostgresServer.PASSWORD);
        PreparedStatement decided = view.prepareStatement(
            "SELECT count(*) FROM transactions WHERE transaction_id = ANY (?::uuid[]) AND status <> 'PENDING'")) {
      Array ids = view.createArrayOf("text", accepted.stream().map(Accepted::transactionId).toArray());
      decided.setArray(1, ids);
      Instant giveUp = Instant.now().plus(QUIESCENCE_LIMIT);
      long done = 0;
      while (Instant.now().isBefore(giveUp)) {
        try (ResultSet row = decided.executeQuery()) {
          row.next();
          done = row.getLong(1);
        }
        if (done == accepted.size()) {
          say("all %d accepted requests have their outcome in the view", done);
          return;
        }
        Thread.sleep(1_000);
      }
      say("after %d s only %d of %d accepted requests have an outcome in the view; checking anyway",
          QUIESCENCE_LIMIT.toSeconds(), done, accepted.size());
    }
  }

  // What each client sees for its own request, through the public API.
  private static Map<String, String> statusesSeenByClients(List<Accepted> accepted) throws InterruptedException {
    Map<String, String> statuses = new ConcurrentHashMap<>();
    ExecutorService readers = Executors.newFixedThreadPool(8);
    for (Accepted request : accepted) {
      readers.submit(() -> {
        ApiClient.Reply reply = request.by().get("/api/v1/transactions/" + request.transactionId());
        statuses.put(request.transactionId(), reply.status() == 200 || reply.status() == 202
            ? String.valueOf(reply.text("status")) : "HTTP " + reply.status());
      });
    }
    readers.shutdown();
    if (!readers.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("reading the outcomes through the API took longer than 5 minutes");
    }
    return statuses;
  }

  // The ledger publishes its totals about once a second; the view has caught up when it counted as many events.
  private static JsonNode awaitViewCaughtUp(ApiClient operator) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
    JsonNode reconciliation;
    do {
      reconciliation = operator.get("/api/v1/admin/reconciliation").body();
      boolean caughtUp = true;
      for (JsonNode currency : reconciliation.get("currencies")) {
        caughtUp &= currency.get("viewCaughtUp").asBoolean();
      }
      if (caughtUp) {
        return reconciliation;
      }
      Thread.sleep(1_000);
    } while (Instant.now().isBefore(giveUp));
    return reconciliation;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static void say(String format, Object... arguments) {
    System.out.printf("bank test: " + format + "%n", arguments);
  }
}
