package com.kafkaledger.bench;

import com.kafkaledger.bench.ledger.LedgerWorkload;
import com.kafkaledger.bench.pipeline.PipelineBenchmark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ./bench}.
 *
 * @param parts the parts to run, in the order they run
 * @param baselineDuration how long each baseline run (one workload, one client count) is measured
 * @param baselineWarmUp how long each baseline run goes before it is measured
 * @param clients the client counts of the baseline
 * @param ledgerDuration the longest a ledger-alone (or trivial app) run lasts, its first quarter unmeasured
 * @param ledgerExpectedRate commands per second the ledger is expected to reach, to size its pre-load so that it
 *     settles every pre-loaded transfer or charge within {@code ledgerDuration}
 * @param trivialExpectedRate records per second the trivial app is expected to reach, to size its pre-load so that
 *     it runs for {@code ledgerDuration}
 * @param ledgerAccounts how many accounts the ledger-alone workloads spread over
 * @param ledgerWorkloads the ledger-alone workloads to run
 * @param pipeline the pipeline-through-REST part's settings
 * @param keepData keep the temporary data directory (databases, Kafka logs, process logs) at exit
 */
public record BenchmarkOptions(List<String> parts, Duration baselineDuration, Duration baselineWarmUp,
    List<Integer> clients, Duration ledgerDuration, int ledgerExpectedRate, int trivialExpectedRate, int ledgerAccounts,
    List<LedgerWorkload> ledgerWorkloads, PipelineBenchmark.Settings pipeline, boolean keepData) {

  public static final String BASELINE = "baseline";
  public static final String PIPELINE = "pipeline";
  public static final String LEDGER_ALONE = "ledger-alone";
  /** Every part, in the order a full run takes them. */
  public static final List<String> ALL_PARTS = List.of(BASELINE, PIPELINE, LEDGER_ALONE);
  private static final List<String> PIPELINE_WORKLOADS = List.of(PipelineBenchmark.DEPOSITS,
      PipelineBenchmark.TRANSFERS, PipelineBenchmark.HOT_MERCHANT);
  private static final Set<String> VALUE_FLAGS = Set.of("--only", "--baseline-seconds", "--baseline-warmup-seconds",
      "--clients", "--ledger-seconds", "--ledger-rate", "--trivial-rate", "--ledger-accounts", "--ledger-workloads",
      "--pipeline-accounts", "--pipeline-first-rate", "--pipeline-step-seconds", "--pipeline-latency-seconds",
      "--pipeline-workloads", "--pipeline-batch");

  public static BenchmarkOptions defaults() {
    return new BenchmarkOptions(ALL_PARTS, Duration.ofSeconds(30), Duration.ofSeconds(5), List.of(8, 32, 64),
        Duration.ofSeconds(120), 30_000, 80_000, 100_000, List.of(LedgerWorkload.values()),
        new PipelineBenchmark.Settings(100_000, 1_000, 200, 1.3, Duration.ofSeconds(20), Duration.ofSeconds(60),
            PIPELINE_WORKLOADS, List.of(1, 100), false), false);
  }

  /** Thrown for a command line that cannot be run; the message says why. */
  public static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  public static BenchmarkOptions parse(String... args) throws UsageException {
    BenchmarkOptions defaults = defaults();
    List<String> parts = defaults.parts;
    Duration baselineDuration = defaults.baselineDuration;
    Duration baselineWarmUp = defaults.baselineWarmUp;
    List<Integer> clients = defaults.clients;
    Duration ledgerDuration = defaults.ledgerDuration;
    int ledgerExpectedRate = defaults.ledgerExpectedRate;
    int trivialExpectedRate = defaults.trivialExpectedRate;
    int ledgerAccounts = defaults.ledgerAccounts;
    List<LedgerWorkload> ledgerWorkloads = defaults.ledgerWorkloads;
    PipelineBenchmark.Settings pipeline = defaults.pipeline;
    int pipelineAccounts = pipeline.accounts();
    double firstRate = pipeline.firstRate();
    Duration step = pipeline.step();
    Duration latencyRun = pipeline.latencyRun();
    List<String> pipelineWorkloads = pipeline.workloads();
    List<Integer> batches = pipeline.batches();
    boolean keepData = defaults.keepData;
    boolean keyedSingles = pipeline.keyedSingles();
    List<String> remaining = new ArrayList<>(Arrays.asList(args));
    while (!remaining.isEmpty()) {
      String flag = remaining.remove(0);
      if (flag.equals("--keep-data")) {
        keepData = true;
        continue;
      }
      if (flag.equals("--pipeline-keyed")) {
        keyedSingles = true;
        continue;
      }
      if (!VALUE_FLAGS.contains(flag)) {
        throw new UsageException("unknown option " + flag);
      }
      if (remaining.isEmpty()) {
        throw new UsageException(flag + " needs a value");
      }
      String value = remaining.remove(0);
      switch (flag) {
        case "--only" -> parts = parts(value);
        case "--baseline-seconds" -> baselineDuration = Duration.ofSeconds(number(flag, value, 1));
        case "--baseline-warmup-seconds" -> baselineWarmUp = Duration.ofSeconds(number(flag, value, 0));
        case "--clients" -> clients = clients(value);
        case "--ledger-seconds" -> ledgerDuration = Duration.ofSeconds(number(flag, value, 1));
        case "--ledger-rate" -> ledgerExpectedRate = number(flag, value, 1);
        case "--trivial-rate" -> trivialExpectedRate = number(flag, value, 1);
        case "--ledger-accounts" -> ledgerAccounts = number(flag, value, 2);
        case "--ledger-workloads" -> ledgerWorkloads = ledgerWorkloads(value);
        case "--pipeline-accounts" -> pipelineAccounts = number(flag, value, 2);
        case "--pipeline-first-rate" -> firstRate = number(flag, value, 1);
        case "--pipeline-step-seconds" -> step = Duration.ofSeconds(number(flag, value, 1));
        case "--pipeline-latency-seconds" -> latencyRun = Duration.ofSeconds(number(flag, value, 1));
        case "--pipeline-workloads" -> pipelineWorkloads = pipelineWorkloads(value);
        case "--pipeline-batch" -> batches = batches(value);
        default -> throw new IllegalStateException("a flag in VALUE_FLAGS without a case: " + flag);
      }
    }
    pipeline = new PipelineBenchmark.Settings(pipelineAccounts, Math.min(pipeline.accountsPerCustomer(),
        pipelineAccounts), firstRate, pipeline.growth(), step, latencyRun, pipelineWorkloads, batches, keyedSingles);
    return new BenchmarkOptions(parts, baselineDuration, baselineWarmUp, clients, ledgerDuration,
        ledgerExpectedRate, trivialExpectedRate, ledgerAccounts, ledgerWorkloads, pipeline, keepData);
  }

  public boolean runs(String part) {
    return parts.contains(part);
  }

  // Parts always run in the order of ALL_PARTS, whatever order they were named in.
  private static List<String> parts(String value) throws UsageException {
    Set<String> named = new LinkedHashSet<>(Arrays.asList(value.split(",")));
    for (String part : named) {
      if (!ALL_PARTS.contains(part)) {
        throw new UsageException("unknown part " + part + "; the parts are " + String.join(", ", ALL_PARTS));
      }
    }
    return ALL_PARTS.stream().filter(named::contains).toList();
  }

  private static List<LedgerWorkload> ledgerWorkloads(String value) throws UsageException {
    Set<String> named = new LinkedHashSet<>(Arrays.asList(value.split(",")));
    List<LedgerWorkload> known = List.of(LedgerWorkload.values());
    for (String name : named) {
      if (known.stream().noneMatch(workload -> workload.optionName().equals(name))) {
        throw new UsageException("unknown ledger workload " + name + "; they are "
            + known.stream().map(LedgerWorkload::optionName).toList());
      }
    }
    return known.stream().filter(workload -> named.contains(workload.optionName())).toList();
  }

  private static List<String> pipelineWorkloads(String value) throws UsageException {
    List<String> named = List.of(value.split(","));
    for (String name : named) {
      if (!PIPELINE_WORKLOADS.contains(name)) {
        throw new UsageException("unknown pipeline workload " + name + "; they are " + PIPELINE_WORKLOADS);
      }
    }
    return PIPELINE_WORKLOADS.stream().filter(named::contains).toList();
  }

  // Each size once, in the order given.
  private static List<Integer> batches(String value) throws UsageException {
    Set<Integer> sizes = new LinkedHashSet<>();
    for (String size : value.split(",")) {
      int batch = number("--pipeline-batch", size, 1);
      if (batch > PipelineBenchmark.MAX_BATCH) {
        throw new UsageException("--pipeline-batch must be at most " + PipelineBenchmark.MAX_BATCH
            + " (the batch endpoint's limit), not " + size);
      }
      sizes.add(batch);
    }
    return List.copyOf(sizes);
  }

  private static List<Integer> clients(String value) throws UsageException {
    List<Integer> counts = new ArrayList<>();
    for (String count : value.split(",")) {
      counts.add(number("--clients", count, 1));
    }
    return List.copyOf(counts);
  }

  private static int number(String flag, String value, int minimum) throws UsageException {
    try {
      int number = Integer.parseInt(value.strip());
      if (number < minimum) {
        throw new UsageException(flag + " must be at least " + minimum + ", not " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " takes a whole number, not " + value);
    }
  }

  public static String usage() {
    return """
        Usage: ./bench [options]

        Runs the benchmark on this machine, with no Docker, and prints the figures as it goes and a
        summary at the end. Every server it needs it starts itself on 127.0.0.1 (free ports, data in
        a temporary directory) and stops at the end, also on Ctrl-C.

        Parts (all by default, in this order):
          baseline      the synchronous design: one PostgreSQL transaction per money movement
                        (fsync and synchronous_commit on), the shared pgbench scripts through JDBC:
                        withdraw, hot-merchant charge and transfer, app-style and as functions,
                        a closed loop per client count; reports tps per client count and the best
          pipeline      the whole pipeline as ./run-local starts it (Kafka, PostgreSQL, the three services,
                        each in a 512 MB heap) driven through REST, open loop: per workload one
                        unmeasured warm-up step at the first rate, then rising rates until
                        one is not sustained; then half that peak, 15 s unmeasured to settle, then
                        measured for the submit-to-visible latency (p50/p99/p99.9); deposits, uniform transfers, charges to one hot merchant,
                        over 100,000 funded accounts; with single requests, then in batches of 100.
                        The baseline runs on this pipeline's PostgreSQL.
          ledger-alone  the real ledger topology (in-process Kafka Streams, exactly-once) against a
                        trivial exactly-once Kafka Streams app on the same fresh broker, on pre-loaded
                        commands: deposits, uniform transfers, charges to one hot merchant
        Both the pipeline and the ledger alone give each topic LEDGER_PARTITIONS partitions (12).

        Options:
          --only PART[,PART]              run only these parts (baseline, pipeline, ledger-alone)
          --baseline-seconds N            measured seconds per baseline run            (30)
          --baseline-warmup-seconds N     unmeasured seconds before each baseline run   (5)
          --clients N[,N...]              baseline client counts                        (8,32,64)
          --ledger-seconds N              longest run per app and workload, its first
                                          quarter unmeasured (the JIT's warm-up)        (120)
          --ledger-rate N                 ledger commands/s its pre-load is sized for:
                                          N x ledger-seconds commands, few enough that
                                          its credit legs are settled in the run too    (30000)
          --trivial-rate N                trivial app records/s its pre-load is sized
                                          for: N x ledger-seconds records, the ledger's
                                          and more of the same kind                     (80000)
          --ledger-accounts N             accounts of the ledger-alone workloads        (100000)
          --ledger-workloads W[,W...]     deposits, transfers, hot-merchant             (all)
          --pipeline-accounts N           funded accounts of the pipeline workloads     (100000)
          --pipeline-first-rate N         transactions/s of step 1 (x1.3 per step)      (200)
          --pipeline-step-seconds N       seconds per rate step                         (20)
          --pipeline-latency-seconds N    seconds of the run at half the peak           (60)
          --pipeline-workloads W[,W...]   deposits, transfers, hot-merchant             (all)
          --pipeline-batch N[,N...]       transactions per request, one climb per size on
                                          the same accounts: 1 sends each as its own
                                          POST /api/v1/transactions; 2 to 500 send N of
                                          one caller per POST .../transactions/batch;
                                          rates stay transactions/s                     (1,100)
          --pipeline-keyed                each single request with an Idempotency-Key, as a
                                          careful client sends it (the gateway then checks
                                          and claims the key); without it, none    (off)
          --keep-data                     keep the temporary data directory and its logs
          --rebuild                       (./bench) build the project first, even if the jar exists
          --help                          this text

        The summary ends with the targets (the pipeline's peak against the baseline's best, its p99 at
        half the peak, the ledger alone against the trivial app), each checked against this run's
        figures as far as the parts run allow. Figures are only comparable within one run on one
        otherwise idle machine.
        """;
  }
}
