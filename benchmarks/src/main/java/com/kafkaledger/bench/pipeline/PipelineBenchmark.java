package com.kafkaledger.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pipeline through REST: for each workload, open-loop steps at rising rates until one is not
 * sustained (the peak is the last that was), then a longer run at half the peak for the latency
 * from submit to the outcome visible in the view.
 */
public final class PipelineBenchmark {

  /**
   * @param accounts funded customer accounts (the uniform workloads pick among them)
   * @param firstRate requests per second of the first step; each next one is {@code growth} times higher
   */
  public record Settings(int accounts, int accountsPerCustomer, double firstRate, double growth, Duration step,
      Duration latencyRun, List<String> workloads) {}

  public static final String DEPOSITS = "deposits";
  public static final String TRANSFERS = "transfers";
  public static final String HOT_MERCHANT = "hot-merchant";

  private final Settings settings;

  public PipelineBenchmark(Settings settings) {
    this.settings = settings;
  }

  /** Runs against a started pipeline; returns the summary lines. */
  public List<String> run(String gatewayUrl, String jdbcUrl, String user, String password) throws Exception {
    RestClient rest = new RestClient(gatewayUrl);
    BenchBank bank = BenchBank.create(rest, settings.accounts() / settings.accountsPerCustomer(),
        settings.accountsPerCustomer());
    List<String> summary = new ArrayList<>();
    try (VisibleTimes visibleTimes = new VisibleTimes(jdbcUrl, user, password)) {
      int funded = visibleTimes.await(Set.copyOf(bank.fundingTransactions), Duration.ofMinutes(10)).size();
      System.out.printf("pipeline: %d of %d funding deposits visible in the view%n", funded,
          bank.fundingTransactions.size());
      OpenLoop loop = new OpenLoop(rest, visibleTimes);
      for (String name : settings.workloads()) {
        OpenLoop.Workload workload = workload(name, bank);
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
          summary.add(String.format("pipeline %-14s not even %.0f/s was sustained", name, settings.firstRate()));
          continue;
        }
        OpenLoop.Step half = loop.run(workload, peak.rate() / 2, settings.latencyRun());
        System.out.println(half.line(name));
        summary.add(String.format("pipeline %-14s peak sustained %.0f/s; at %.0f/s submit-to-visible ms p50 %.1f"
                + " p99 %.1f p99.9 %.1f (%d requests)", name, peak.rate(), half.rate(),
            OpenLoop.Step.millis(half.latency(), 50), OpenLoop.Step.millis(half.latency(), 99),
            OpenLoop.Step.millis(half.latency(), 99.9), half.accepted()));
      }
    }
    return summary;
  }

  private static OpenLoop.Workload workload(String name, BenchBank bank) {
    List<BenchBank.Account> accounts = bank.accounts;
    return switch (name) {
      case DEPOSITS -> random -> {
        BenchBank.Account account = accounts.get(random.nextInt(accounts.size()));
        return new OpenLoop.Request(account.ownerToken(), BenchBank.deposit(account.id(), random.nextLong(1, 1_000)));
      };
      case TRANSFERS -> random -> {
        int from = random.nextInt(accounts.size());
        int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
        return new OpenLoop.Request(accounts.get(from).ownerToken(),
            BenchBank.transfer(accounts.get(from).id(), accounts.get(to).id(), random.nextLong(1, 1_000)));
      };
      case HOT_MERCHANT -> random -> new OpenLoop.Request(bank.merchantToken,
          BenchBank.charge(accounts.get(random.nextInt(accounts.size())).id(), random.nextLong(1, 1_000)));
      default -> throw new IllegalArgumentException("unknown workload " + name);
    };
  }
}
