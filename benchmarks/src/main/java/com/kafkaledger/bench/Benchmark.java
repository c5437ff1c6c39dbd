package com.kafkaledger.bench;

import com.kafkaledger.bench.baseline.BaselineBenchmark;
import com.kafkaledger.bench.baseline.BaselineResult;
import com.kafkaledger.bench.ledger.LedgerAloneBenchmark;
import com.kafkaledger.bench.ledger.LedgerAloneResult;
import com.kafkaledger.bench.ledger.RateSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./bench}: runs the chosen parts one after the other, each with the servers it needs
 * started afresh under one temporary directory, prints figures as they come and a summary at the
 * end. Whatever it started is stopped at the end and on Ctrl-C.
 */
public final class Benchmark {

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
    if (options.runs(BenchmarkOptions.BASELINE)) {
      summary.addAll(baseline());
    }
    if (options.runs(BenchmarkOptions.LEDGER_ALONE)) {
      summary.addAll(ledgerAlone());
    }
    return summary;
  }

  private List<String> ledgerAlone() throws Exception {
    System.out.printf("%n== ledger-alone: the ledger topology against a trivial exactly-once app, at most %d s each,"
        + " pre-loaded for %d ledger commands/s%n", options.ledgerDuration().toSeconds(), options.ledgerExpectedRate());
    List<LedgerAloneResult> results = new LedgerAloneBenchmark(new LedgerAloneBenchmark.Settings(
        options.ledgerDuration(), options.ledgerExpectedRate(), options.ledgerAccounts(), options.ledgerWorkloads(),
        options.keepData()))
        .run(workDirectory.resolve("ledger-alone"), cleanup);
    List<String> lines = new ArrayList<>();
    lines.add(String.format("ledger-alone: one stream thread, exactly_once_v2, %d accounts, steady rate = last %.0f%% "
        + "of each run; target: ledger/trivial >= 70%%", options.ledgerAccounts(), 100 * (1 - RateSamples.WARM_UP_SHARE)));
    results.forEach(result -> lines.add(result.line()));
    return lines;
  }

  private List<String> baseline() throws Exception {
    System.out.printf("%n== baseline: one PostgreSQL transaction per movement, %d s per run after %d s warm-up, "
        + "clients %s%n", options.baselineDuration().toSeconds(), options.baselineWarmUp().toSeconds(),
        options.clients());
    try (LocalServers.Postgres postgres = LocalServers.startPostgres(workDirectory.resolve("baseline"), cleanup)) {
      List<BaselineResult> results = new BaselineBenchmark(new BaselineBenchmark.Settings(options.clients(),
          options.baselineWarmUp(), options.baselineDuration())).run(postgres.server());
      List<String> lines = new ArrayList<>();
      lines.add(String.format("baseline: PostgreSQL, fsync and synchronous_commit on, %d s per client count",
          options.baselineDuration().toSeconds()));
      results.forEach(result -> lines.add(result.line()));
      return lines;
    }
  }
}
