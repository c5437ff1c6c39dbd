package com.kafkaledger.bench;

import com.kafkaledger.bench.baseline.BaselineResult;
import com.kafkaledger.bench.baseline.BaselineWorkload;
import com.kafkaledger.bench.ledger.LedgerAloneResult;
import com.kafkaledger.bench.pipeline.HeapWatch;
import com.kafkaledger.bench.pipeline.PipelineBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The product's performance targets, checked against the figures of one run, so that nobody has to
 * divide by hand: each line gives the measured ratio or latency, the target, and whether it was met.
 * A target whose parts did not run in this run is left out.
 */
final class Targets {

  /** The pipeline's peak against the baseline's best for the same movement, in both of its forms. */
  private record Throughput(String pipelineWorkload, BaselineWorkload appStyle, double appStyleTarget,
      BaselineWorkload function, double functionTarget) {}

  // Deposits have no throughput target: their ratio is shown against withdrawals, the baseline's one-row movement.
  private static final List<Throughput> THROUGHPUT = List.of(
      new Throughput(PipelineBenchmark.DEPOSITS, BaselineWorkload.WITHDRAW_APP_STYLE, 0,
          BaselineWorkload.WITHDRAW_FUNCTION, 0),
      new Throughput(PipelineBenchmark.TRANSFERS, BaselineWorkload.TRANSFER_APP_STYLE, 2,
          BaselineWorkload.TRANSFER_FUNCTION, 1),
      new Throughput(PipelineBenchmark.HOT_MERCHANT, BaselineWorkload.CHARGE_APP_STYLE, 10,
          BaselineWorkload.CHARGE_FUNCTION, 5));

  /** The most a workload's p99 from submit to visible may be at half its peak, ms. */
  private static final Map<String, Double> P99_LIMIT_MILLIS = Map.of(PipelineBenchmark.DEPOSITS, 100.0,
      PipelineBenchmark.TRANSFERS, 200.0);

  static final double LEDGER_ALONE_TARGET = 0.70;

  private Targets() {}

  static List<String> lines(List<BaselineResult> baseline, List<PipelineBenchmark.Result> pipeline,
      List<HeapWatch.Figures> heaps, List<LedgerAloneResult> ledgerAlone) {
    Map<BaselineWorkload, Double> best = baseline.stream()
        .collect(Collectors.toMap(BaselineResult::workload, BaselineResult::bestTransactionsPerSecond));
    Map<String, Throughput> throughputs = THROUGHPUT.stream()
        .collect(Collectors.toMap(Throughput::pipelineWorkload, Function.identity()));
    List<String> lines = new ArrayList<>();
    for (PipelineBenchmark.Result result : pipeline) {
      String name = String.format("target  %-14s %-9s", result.workload(), result.mode());
      if (!result.sustained()) {
        lines.add(name + " no peak: not even the first rate was sustained");
        continue;
      }
      Throughput throughput = throughputs.get(result.workload());
      if (best.containsKey(throughput.appStyle()) && best.containsKey(throughput.function())) {
        lines.add(String.format("%s peak %.0f/s: %s, %s", name, result.peak(),
            ratio(result.peak(), throughput.appStyle(), best, throughput.appStyleTarget()),
            ratio(result.peak(), throughput.function(), best, throughput.functionTarget())));
      }
      Double limit = P99_LIMIT_MILLIS.get(result.workload());
      if (limit != null) {
        lines.add(String.format("%s p99 %.1f ms at half the peak (%.0f/s) (<= %.0f ms: %s)", name, result.p99(),
            result.half(), limit, verdict(result.p99() <= limit)));
      }
    }
    for (HeapWatch.Figures heap : heaps) {
      String name = String.format("target  memory         %-16s", heap.service());
      if (heap.samples() == 0) {
        lines.add(name + " no figures: its metrics never answered");
      } else if (heap.afterCollectionReadings() == 0) {
        lines.add(name + " no figures: no collection of its long-lived pool was reported");
      } else {
        lines.add(String.format("%s under load in a %d MB heap: long-lived pool at most %.0f%% full after a"
            + " collection (<= %.0f%%), paused %.2f%% of the time (<= %.0f%%), %d restarts: %s", name,
            heap.heapMegabytes(), 100 * heap.mostFullAfterCollection(), 100 * HeapWatch.AFTER_COLLECTION_LIMIT,
            100 * heap.pausedShare(), 100 * HeapWatch.PAUSED_LIMIT, heap.restarts(), verdict(heap.within())));
      }
    }
    for (LedgerAloneResult result : ledgerAlone) {
      lines.add(String.format("target  ledger-alone   %-22s %.0f%% of the trivial app (>= %.0f%%: %s; the trivial app"
              + " with decided ids: %.0f%%)", result.workload().label(), 100 * result.ratio(), 100 * LEDGER_ALONE_TARGET,
          verdict(result.ratio() >= LEDGER_ALONE_TARGET), 100 * result.decidedIdsCeiling()));
    }
    return lines;
  }

  /** e.g. {@code 0.72x app-style (1592/s; >= 10x: MISSED)}. */
  private static String ratio(double pipeline, BaselineWorkload baseline, Map<BaselineWorkload, Double> best,
      double target) {
    double ratio = pipeline / best.get(baseline);
    return String.format("%.2fx %s (%.0f/s; %s)", ratio, baseline.style(), best.get(baseline),
        target == 0 ? "no target" : String.format(">= %.0fx: %s", target, verdict(ratio >= target)));
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
