package com.kafkaledger.bench.ledger;

import com.kafkaledger.bench.Cleanup;
import com.kafkaledger.bench.Directories;
import com.kafkaledger.bench.LocalServers;
import com.kafkaledger.events.Topics;
import com.kafkaledger.localcluster.LedgerTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.Topology;

/**
 * Part B: the real ledger topology alone (no gateway, no view), against a trivial exactly-once
 * Kafka Streams app, each on the same pre-loaded commands on the same fresh broker. Per workload:
 * a new broker, the accounts opened (and funded) through the ledger unmeasured, the measured
 * commands pre-loaded, then the ledger measured, then the trivial app, then the trivial app that
 * also remembers each transaction id (what the ledger's idempotency store alone costs).
 */
public final class LedgerAloneBenchmark {

  private static final Duration SETUP_LIMIT = Duration.ofMinutes(15);
  private static final long SETUP_POLL_MILLIS = 200;

  /**
   * @param longestRun the longest each app is measured, from its first output
   * @param ledgerRate commands per second the ledger is expected to reach: its pre-load is what it settles in
   *     {@code longestRun} at that rate, credit legs included
   * @param trivialRate records per second the trivial app is expected to reach, to pre-load enough for
   *     {@code longestRun}
   * @param accounts customer accounts the commands spread over
   * @param workloads the workloads to run, in this order
   * @param keepData keep each workload's broker and state directories (else deleted after the workload)
   * @param partitions of every topic, both apps' (./run-local's LEDGER_PARTITIONS)
   */
  public record Settings(Duration longestRun, int ledgerRate, int trivialRate, int accounts,
      List<LedgerWorkload> workloads, boolean keepData, int partitions) {}

  private final Settings settings;
  private final ProcessorConfig config = ProcessorConfig.load();

  public LedgerAloneBenchmark(Settings settings) {
    this.settings = settings;
  }

  public List<LedgerAloneResult> run(Path directory, Cleanup cleanup) throws Exception {
    System.out.println("  both apps: one stream thread, the Streams properties of ledger-processor.yml "
        + config.streamsProperties() + ", " + settings.partitions() + " partitions");
    List<LedgerAloneResult> results = new ArrayList<>();
    for (LedgerWorkload workload : settings.workloads()) {
      Path workloadDirectory = directory.resolve(workload.optionName());
      try {
        results.add(run(workload, workloadDirectory, cleanup));
      } finally {
        if (!settings.keepData()) {
          Directories.deleteQuietly(workloadDirectory); // gigabytes of Kafka logs per workload
        }
      }
    }
    return results;
  }

  private LedgerAloneResult run(LedgerWorkload workload, Path directory, Cleanup cleanup) throws Exception {
    System.out.printf("%n  -- %s%n", workload.label());
    try (LocalServers.Kafka kafka = LocalServers.startKafka(directory.resolve("kafka"), cleanup)) {
      String bootstrap = kafka.bootstrapServers();
      LedgerTopics.createMissing(bootstrap, settings.partitions());
      createTrivialAppTopics(bootstrap, settings.partitions());
      String legSigningKey = LedgerApp.newLegSigningKey();
      Properties properties = config.streamsProperties("bench-ledger", bootstrap, directory.resolve("ledger"));
      Supplier<StreamsApp> ledger = () -> StreamsApp.start("the ledger", LedgerApp.topology(config, legSigningKey),
          properties);
      // The ledger's input, few enough that the credit legs queued behind it are settled in the run; the
      // trivial app, faster and with no legs, gets the same records and more of the same kind.
      long seconds = settings.longestRun().toSeconds();
      long ledgerInputs = (long) settings.ledgerRate() * seconds / workload.commandsPerInput();
      long trivialInputs = Math.max(ledgerInputs, (long) settings.trivialRate() * seconds);
      BenchAccounts accounts = new BenchAccounts(settings.accounts());
      try (CommandLoader loader = new CommandLoader(bootstrap)) {
        openAccounts(workload, accounts, loader, ledger, bootstrap);
        preload(workload, accounts, loader, ledgerInputs, trivialInputs);
      }
      CpuClock cpu = new CpuClock(kafka.pid());
      RateSamples.Rate ledgerRate = measureLedger(workload, ledger, bootstrap, ledgerInputs, cpu);
      RateSamples.Rate trivialRate = measureTrivialApp(false, bootstrap, directory, trivialInputs, cpu);
      RateSamples.Rate withDecidedIdsRate = measureTrivialApp(true, bootstrap, directory, trivialInputs, cpu);
      LedgerAloneResult result = new LedgerAloneResult(workload, ledgerRate, trivialRate, withDecidedIdsRate);
      System.out.println(result.line());
      return result;
    }
  }

  private RateSamples.Rate measureLedger(LedgerWorkload workload, Supplier<StreamsApp> ledger, String bootstrap,
      long inputs, CpuClock cpu) throws Exception {
    ThroughputRun.Measured run;
    try (OutputMeter events = OutputMeter.fromEndOf(bootstrap, Topics.EVENTS)) {
      run = ThroughputRun.measure(new ThroughputRun.Labels("ledger", "commands"), ledger, events,
          inputs * workload.commandsPerInput(), settings.longestRun(), cpu);
    }
    if (workload.isTwoLegged()) {
      System.out.printf("    ledger   %d of %d %s settled (credited) in the run%s%n", run.settled(), inputs,
          workload.settledUnit(), run.settled() < inputs ? ": the run ended before the credit legs queued behind"
              + " the pre-loaded debits were through, so its rate counts too few of them (a lower --ledger-rate"
              + " settles them all)" : "");
    }
    long deadLetters = deadLetters(bootstrap, settings.partitions());
    if (run.rejected() > 0 || deadLetters > 0) {
      System.out.printf("  WARNING: the ledger rejected %d commands and dead-lettered %d: the commands are not"
          + " what the gateway sends, the figures are not the ledger's normal work%n", run.rejected(), deadLetters);
    }
    return run.rate();
  }

  /**
   * The trivial app on the same input, or with {@code decidedIds} its variant that also remembers
   * each transaction id (an app id of its own, so it reads the input from the start too).
   */
  private RateSamples.Rate measureTrivialApp(boolean decidedIds, String bootstrap, Path directory, long inputs,
      CpuClock cpu) throws InterruptedException {
    String name = decidedIds ? "trivial-ids" : "trivial";
    Properties properties = config.streamsProperties("bench-" + name, bootstrap, directory.resolve(name));
    Topology topology = decidedIds ? TrivialApp.withDecidedIds(config.idempotencyRetention()) : TrivialApp.topology();
    try (OutputMeter sums = OutputMeter.fromEndOf(bootstrap, TrivialApp.OUTPUT)) {
      return ThroughputRun.measure(new ThroughputRun.Labels(name, "records"),
          () -> StreamsApp.start("the " + name + " app", topology, properties), sums, inputs,
          settings.longestRun(), cpu).rate();
    }
  }

  /** Opens (and, for transfers and charges, funds) every account through the ledger; not measured. */
  private void openAccounts(LedgerWorkload workload, BenchAccounts accounts, CommandLoader loader,
      Supplier<StreamsApp> ledger, String bootstrap) throws InterruptedException {
    long start = System.nanoTime();
    try (OutputMeter events = OutputMeter.fromEndOf(bootstrap, Topics.EVENTS); StreamsApp app = ledger.get()) {
      List<String> commands = List.of(Topics.COMMANDS);
      List<BenchAccounts.Account> customers = accounts.customers();
      customers.forEach(customer -> loader.send(BenchCommands.openCustomerAccount(customer), commands));
      long opened = customers.size();
      if (workload == LedgerWorkload.HOT_MERCHANT) {
        loader.send(BenchCommands.openMerchantAccount(accounts.merchant()), commands);
        opened++;
      }
      if (workload.isTwoLegged()) {
        customers.forEach(customer -> loader.send(BenchCommands.deposit(customer, LedgerWorkload.FUNDING,
            "bench funding"), commands));
      }
      loader.flush();
      awaitEvents(app, events, opened + (workload.isTwoLegged() ? customers.size() : 0));
      if (events.rejected() > 0) {
        throw new IllegalStateException("the ledger rejected " + events.rejected() + " of the set-up commands");
      }
      System.out.printf("  opened %d accounts%s through the ledger in %.0f s (not measured)%n", opened,
          workload.isTwoLegged() ? " and funded them" : "", (System.nanoTime() - start) / 1e9);
    }
  }

  private static void awaitEvents(StreamsApp app, OutputMeter events, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + SETUP_LIMIT.toNanos();
    while (events.records() < expected) {
      app.requireHealthy();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the ledger set up " + events.records() + " of " + expected
            + " accounts and deposits in " + SETUP_LIMIT.toMinutes() + " minutes");
      }
      Thread.sleep(SETUP_POLL_MILLIS);
    }
  }

  /**
   * The measured commands: the ledger's into its topic and, the same records (key and bytes), into the
   * trivial app's, which then gets more of the same kind up to its own count.
   */
  private static void preload(LedgerWorkload workload, BenchAccounts accounts, CommandLoader loader, long ledgerInputs,
      long trivialInputs) {
    long start = System.nanoTime();
    SplittableRandom random = new SplittableRandom();
    List<String> both = List.of(Topics.COMMANDS, TrivialApp.INPUT);
    List<String> trivialOnly = List.of(TrivialApp.INPUT);
    for (long i = 0; i < trivialInputs; i++) {
      loader.send(workload.next(accounts, random), i < ledgerInputs ? both : trivialOnly);
    }
    loader.flush();
    System.out.printf("  pre-loaded %d commands into %s and %d into %s, the first %d the same (%d bytes of JSON each"
        + " on average), in %.0f s%n", ledgerInputs, Topics.COMMANDS, trivialInputs, TrivialApp.INPUT, ledgerInputs,
        loader.averageBytes(), (System.nanoTime() - start) / 1e9);
  }

  private static void createTrivialAppTopics(String bootstrap, int partitions) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      admin.createTopics(List.of(new NewTopic(TrivialApp.INPUT, Optional.of(partitions), Optional.empty()),
          new NewTopic(TrivialApp.OUTPUT, Optional.of(partitions), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
    }
  }

  /** Records in the ledger's dead-letter topic: commands it could not use (there should be none). */
  private static long deadLetters(String bootstrap, int partitions) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (int partition = 0; partition < partitions; partition++) {
        ends.put(new TopicPartition(Topics.COMMANDS_DEAD_LETTER, partition), OffsetSpec.latest());
      }
      return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(info -> info.offset()).sum();
    }
  }

  private static Admin admin(String bootstrap) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(config);
  }
}
