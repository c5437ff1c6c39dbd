package com.kafkaledger.bench;

import com.kafkaledger.bench.baseline.BaselineBenchmark;
import com.kafkaledger.bench.baseline.BaselineResult;
import com.kafkaledger.bench.ledger.LedgerAloneBenchmark;
import com.kafkaledger.bench.ledger.LedgerAloneResult;
import com.kafkaledger.bench.ledger.RateSamples;
import com.kafkaledger.bench.pipeline.HeapWatch;
import com.kafkaledger.bench.pipeline.PipelineBenchmark;
import com.kafkaledger.localcluster.FreePorts;
import com.kafkaledger.localcluster.LocalCluster;
import com.kafkaledger.localcluster.postgres.PostgresServer;
import com.kafkaledger.localcluster.service.LedgerService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bench}: runs the chosen parts one after the other, each with the servers it needs
 * started afresh under one temporary directory, prints figures as they come and a summary at the
 * end. Whatever it started is stopped at the end and on Ctrl-C.
 */
public final class Benchmark {

  /** How often each service's heap is read while the pipeline part runs. */
  private static final Duration HEAP_SAMPLING = Duration.ofSeconds(5);

  private final BenchmarkOptions options;
  private final Path workDirectory;
  private final Cleanup cleanup;

  Benchmark(BenchmarkOptions options, Path workDirectory, Cleanup cleanup) {
    this.options = options;
    this.workDirectory = workDirectory;
    this.cleanup = cleanup;
  }

  public static void main(String[] args) throws IOException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(BenchmarkOptions.usage());
      return;
    }
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (BenchmarkOptions.UsageException e) {
      System.err.println("bench: " + e.getMessage() + " (./bench --help lists the options)");
      System.exit(2);
      return;
    }
    Path workDirectory = Files.createTempDirectory("kafka-ledger-bench-");
    Cleanup cleanup = new Cleanup();
    // Runs on Ctrl-C, SIGTERM and System.exit alike.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cleanup.stopAll();
      if (options.keepData()) {
        System.out.println("data and logs kept in " + workDirectory);
      } else {
        Directories.deleteQuietly(workDirectory);
      }
    }, "bench-shutdown"));
    System.out.printf("bench: parts %s, data in %s%n", String.join(", ", options.parts()), workDirectory);
    int exitCode = 0;
    try {
      List<String> summary = new Benchmark(options, workDirectory, cleanup).run();
      System.out.println();
      System.out.println("==== summary " + "=".repeat(70));
      summary.forEach(System.out::println);
    } catch (Exception e) {
      if (!cleanup.isStopping()) {
        System.err.println("bench: failed: " + e);
        e.printStackTrace();
        exitCode = 1;
      }
    }
    System.exit(exitCode);
  }

  List<String> run() throws Exception {
    List<String> summary = new ArrayList<>();
    summary.add(String.format("machine: %d cores, Java %s; figures compare within this run only",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    List<BaselineResult> baseline = List.of();
    List<PipelineBenchmark.Result> pipeline = List.of();
    List<HeapWatch.Figures> heaps = List.of();
    List<LedgerAloneResult> ledgerAlone = List.of();
    if (options.runs(BenchmarkOptions.BASELINE) || options.runs(BenchmarkOptions.PIPELINE)) {
      LocalCluster cluster = startPipeline();
      try (Cleanup.Started stopsPipeline = cleanup.add("the pipeline", cluster::stop)) {
        if (options.runs(BenchmarkOptions.BASELINE)) {
          baseline = baseline(cluster.postgres());
          summary.add(String.format("baseline: PostgreSQL, fsync and synchronous_commit on, %d s per client count",
              options.baselineDuration().toSeconds()));
          baseline.forEach(result -> summary.add(result.line()));
        }
        if (options.runs(BenchmarkOptions.PIPELINE)) {
          List<HeapWatch.Service> services = Arrays.stream(LedgerService.values())
              .map(service -> new HeapWatch.Service(service.moduleName(), cluster.serviceUrl(service))).toList();
          HeapWatch heapWatch = HeapWatch.start(services, HEAP_SAMPLING);
          try {
            pipeline = pipeline(cluster);
          } finally {
            heapWatch.close();
          }
          heaps = heapWatch.figures(cluster.serviceHeapMegabytes());
          summary.add(String.format("pipeline: all components on this machine, %d funded accounts, open loop, %s;"
              + " rates are transactions/s; latency is from the moment a transaction's request was due to its outcome"
              + " committed in the view", options.pipeline().accounts(), String.join(", then ",
              options.pipeline().modes())));
          pipeline.forEach(result -> summary.add(result.line()));
          summary.add(String.format("memory: each service's heap, sampled every %d s over the whole pipeline part;"
              + " each service's JVM ran with %s", HEAP_SAMPLING.toSeconds(), String.join(" ", cluster.serviceJvmOptions())));
          heaps.forEach(figures -> summary.add(figures.line()));
        }
      }
    }
    if (options.runs(BenchmarkOptions.LEDGER_ALONE)) {
      ledgerAlone = ledgerAlone();
      summary.add(String.format("ledger-alone: one stream thread, exactly_once_v2, %d accounts, steady rate = last"
          + " %.0f%% of each run", options.ledgerAccounts(), 100 * (1 - RateSamples.WARM_UP_SHARE)));
      ledgerAlone.forEach(result -> summary.add(result.line()));
    }
    summary.addAll(Targets.lines(baseline, pipeline, heaps, ledgerAlone));
    return summary;
  }

  private List<LedgerAloneResult> ledgerAlone() throws Exception {
    System.out.printf("%n== ledger-alone: the ledger topology against a trivial exactly-once app, at most %d s each,"
        + " pre-loaded for %d ledger commands/s and %d trivial app records/s%n", options.ledgerDuration().toSeconds(),
        options.ledgerExpectedRate(), options.trivialExpectedRate());
    return new LedgerAloneBenchmark(new LedgerAloneBenchmark.Settings(
        options.ledgerDuration(), options.ledgerExpectedRate(), options.trivialExpectedRate(), options.ledgerAccounts(),
        options.ledgerWorkloads(), options.keepData(), LocalCluster.topicPartitions(System.getenv())))
        .run(workDirectory.resolve("ledger-alone"), cleanup);
  }

  // Started as ./run-local starts it, on free ports; the variables the gateway needs for a bank of
  // 100,000 accounts (more accounts per customer, more sign-ins from one address) come from ./bench.
  private LocalCluster startPipeline() throws Exception {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("LEDGER_DATA_DIR", workDirectory.resolve("pipeline").toString());
    for (String port : List.of("LEDGER_GATEWAY_PORT", "LEDGER_PROCESSOR_PORT", "LEDGER_VIEW_PORT", "LEDGER_KAFKA_PORT",
        "LEDGER_KAFKA_CONTROLLER_PORT", "LEDGER_POSTGRES_PORT")) {
      environment.put(port, Integer.toString(FreePorts.next()));
    }
    System.out.printf("%n== starting the pipeline as ./run-local does (data in %s)%n", workDirectory.resolve("pipeline"));
    return LocalCluster.startAsRunLocal(environment, LedgerService.projectRoot());
  }

  private List<PipelineBenchmark.Result> pipeline(LocalCluster pipeline) throws Exception {
    PipelineBenchmark.Settings settings = options.pipeline();
    System.out.printf("%n== pipeline: through REST, open loop, %s (single: one transaction per POST"
        + " /api/v1/transactions; batch N: N transactions of one caller per POST /api/v1/transactions/batch), %d s"
        + " steps from %.0f transactions/s (x%.1f), then %d s at half the peak%n",
        String.join(", then ", settings.modes()), settings.step().toSeconds(), settings.firstRate(), settings.growth(),
        settings.latencyRun().toSeconds());
    return new PipelineBenchmark(settings).run(pipeline.gatewayUrl(), pipeline.jdbcUrl(), PostgresServer.USERNAME,
        PostgresServer.PASSWORD, pipeline.kafkaBootstrapServers());
  }

  private List<BaselineResult> baseline(PostgresServer postgres) throws Exception {
    System.out.printf("%n== baseline: one PostgreSQL transaction per movement, %d s per run after %d s warm-up, "
        + "clients %s, on the pipeline's PostgreSQL (its services idle)%n", options.baselineDuration().toSeconds(),
        options.baselineWarmUp().toSeconds(), options.clients());
    return new BaselineBenchmark(new BaselineBenchmark.Settings(options.clients(),
        options.baselineWarmUp(), options.baselineDuration())).run(postgres);
  }
}
