package com.kafkaledger.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The pipeline through REST: for each workload, open-loop steps at rising rates until one is not
 * sustained (the peak is the last that was), then a longer run at half the peak for the latency
 * from submit to the outcome visible in the view.
 */
public final class PipelineBenchmark {

  /**
   * @param accounts funded customer accounts (the uniform workloads pick among them)
   * @param firstRate transactions per second of the first step; each next one is {@code growth} times higher
   * @param batches the modes to run, one after the other on the same accounts, each as transactions
   *     per request: 1 posts each to /api/v1/transactions, more post that many together to
   *     /api/v1/transactions/batch (all of one caller)
   */
  public record Settings(int accounts, int accountsPerCustomer, double firstRate, double growth, Duration step,
      Duration latencyRun, List<String> workloads, List<Integer> batches, boolean keyedSingles) {

    public Settings {
      workloads = List.copyOf(workloads);
      batches = List.copyOf(batches);
    }

    /** The modes as every step and summary line names them: {@code single}, {@code batch N}. */
    public List<String> modes() {
      return batches.stream().map(OpenLoop::mode).toList();
    }
  }

  /**
   * One workload in one mode. When not even the first rate was sustained there is no peak, and the
   * rates and latencies are 0.
   *
   * @param peak the highest sustained rate, transactions/s
   * @param half the rate of the latency run, half the peak
   * @param p50 submit-to-visible latency at half the peak, ms; also p99, p99.9
   * @param transactions accepted in the latency run
   */
  public record Result(String workload, int batch, boolean sustained, double firstRate, double peak, double half,
      double p50, double p99, double p999, long transactions) {

    public String mode() {
      return OpenLoop.mode(batch);
    }

    public String line() {
      if (!sustained) {
        return String.format("pipeline %-14s %-9s not even %.0f/s was sustained", workload, mode(), firstRate);
      }
      return String.format("pipeline %-14s %-9s peak sustained %.0f/s; at %.0f/s submit-to-visible ms p50 %.1f"
          + " p99 %.1f p99.9 %.1f (%d transactions)", workload, mode(), peak, half, p50, p99, p999, transactions);
    }
  }

  public static final String DEPOSITS = "deposits";
  public static final String TRANSFERS = "transfers";
  public static final String HOT_MERCHANT = "hot-merchant";
  /** The most transactions POST /api/v1/transactions/batch takes in one request. */
  public static final int MAX_BATCH = 500;
  /** Half the peak, unmeasured, between the climb and the latency run. */
  static final Duration SETTLING = Duration.ofSeconds(15);

  private final Settings settings;

  public PipelineBenchmark(Settings settings) {
    this.settings = settings;
  }

  /** Runs against a started pipeline: each mode, each workload in it. */
  public List<Result> run(String gatewayUrl, String jdbcUrl, String user, String password, String kafkaBootstrapServers)
      throws Exception {
    RestClient rest = new RestClient(gatewayUrl);
    BenchBank bank = BenchBank.create(rest, settings.accounts() / settings.accountsPerCustomer(),
        settings.accountsPerCustomer());
    List<Result> results = new ArrayList<>();
    try (VisibleTimes visibleTimes = new VisibleTimes(jdbcUrl, user, password);
        CommittedTimes committedTimes = new CommittedTimes(kafkaBootstrapServers)) {
      int funded = visibleTimes.await(Set.copyOf(bank.fundingTransactions), Duration.ofMinutes(10)).size();
      System.out.printf("pipeline: %d of %d funding deposits visible in the view%n", funded,
          bank.fundingTransactions.size());
      if (settings.keyedSingles() && settings.batches().contains(1)) {
        System.out.println("pipeline: each single request carries an Idempotency-Key");
      }
      for (int batch : settings.batches()) {
        OpenLoop loop = new OpenLoop(rest, visibleTimes, committedTimes, batch, settings.keyedSingles());
        for (String name : settings.workloads()) {
          results.add(climb(loop, name, batch, workload(name, bank)));
        }
      }
    }
    return results;
  }

  private Result climb(OpenLoop loop, String name, int batch, OpenLoop.Workload workload) throws Exception {
    // Unmeasured: each workload runs code paths the JIT has not compiled yet (a transfer's credit
    // leg, a charge), and a cold first step would end the climb before it started.
    System.out.println("warm-up, not measured: " + loop.run(workload, settings.firstRate(), settings.step())
        .line(name));
    OpenLoop.Step peak = null;
    for (double rate = settings.firstRate(); ; rate *= settings.growth()) {
      OpenLoop.Step step = loop.run(workload, rate, settings.step());
      System.out.println(step.line(name));
      if (!step.sustained()) {
        break;
      }
      peak = step;
    }
    if (peak == null) {
      return new Result(name, batch, false, settings.firstRate(), 0, 0, 0, 0, 0, 0);
    }
    // Unmeasured: the step that ended the climb overloaded the pipeline; what is measured is the
    // latency at half the peak, not the recovery from that step.
    System.out.println("settling, not measured: " + loop.run(workload, peak.rate() / 2, SETTLING).line(name));
    OpenLoop.Step half = loop.run(workload, peak.rate() / 2, settings.latencyRun());
    System.out.println(half.line(name));
    return new Result(name, batch, true, settings.firstRate(), peak.rate(), half.rate(),
        OpenLoop.Step.millis(half.latency(), 50), OpenLoop.Step.millis(half.latency(), 99),
        OpenLoop.Step.millis(half.latency(), 99.9), half.accepted());
  }

  // Each request's transactions are ones its token may make: deposits to and transfers from accounts of one
  // customer, charges by the merchant. With one per request every account is equally likely, since every
  // customer has as many accounts.
  static OpenLoop.Workload workload(String name, BenchBank bank) {
    List<BenchBank.Account> accounts = bank.accounts;
    return switch (name) {
      case DEPOSITS -> (random, count) -> {
        List<BenchBank.Account> own = pick(random, bank.customers);
        return request(own.get(0).ownerToken(), count,
            () -> BenchBank.deposit(pick(random, own).id(), random.nextLong(1, 1_000)));
      };
      case TRANSFERS -> (random, count) -> {
        List<BenchBank.Account> own = pick(random, bank.customers);
        return request(own.get(0).ownerToken(), count, () -> {
          BenchBank.Account from = pick(random, own);
          return BenchBank.transfer(from.id(), otherThan(from, random, accounts).id(), random.nextLong(1, 1_000));
        });
      };
      case HOT_MERCHANT -> (random, count) -> request(bank.merchantToken, count,
          () -> BenchBank.charge(pick(random, accounts).id(), random.nextLong(1, 1_000)));
      default -> throw new IllegalArgumentException("unknown workload " + name);
    };
  }

  private static OpenLoop.Request request(String token, int count, Supplier<String> transaction) {
    List<String> transactions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      transactions.add(transaction.get());
    }
    return new OpenLoop.Request(token, transactions);
  }

  private static <T> T pick(ThreadLocalRandom random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static BenchBank.Account otherThan(BenchBank.Account account, ThreadLocalRandom random,
      List<BenchBank.Account> accounts) {
    BenchBank.Account other;
    do {
      other = pick(random, accounts);
    } while (other == account);
    return other;
  }
}
