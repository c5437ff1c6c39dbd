package com.kafkaledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.bench.baseline.BaselineResult;
import com.kafkaledger.bench.baseline.BaselineWorkload;
import com.kafkaledger.bench.ledger.LedgerAloneResult;
import com.kafkaledger.bench.ledger.LedgerWorkload;
import com.kafkaledger.bench.ledger.RateSamples;
import com.kafkaledger.bench.pipeline.HeapWatch;
import com.kafkaledger.bench.pipeline.PipelineBenchmark;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

  // Best of each baseline: 3768 (8 clients) withdrawals app-style, and so on.
  private static final List<BaselineResult> BASELINE = List.of(
      baseline(BaselineWorkload.WITHDRAW_APP_STYLE, 3768), baseline(BaselineWorkload.WITHDRAW_FUNCTION, 6781),
      baseline(BaselineWorkload.TRANSFER_APP_STYLE, 2448), baseline(BaselineWorkload.TRANSFER_FUNCTION, 4621),
      baseline(BaselineWorkload.CHARGE_APP_STYLE, 1592), baseline(BaselineWorkload.CHARGE_FUNCTION, 2703));

  @Test
  void dividesEachPeakByTheBestBaselineOfTheSameMovementAndSaysWhetherTheTargetIsMet() {
    List<String> lines = Targets.lines(BASELINE, List.of(
        pipeline("hot-merchant", 100, 1142, 162),
        pipeline("transfers", 100, 5000, 187),
        pipeline("deposits", 1, 627, 447)), List.of(), List.of());

    assertThat(lines).containsExactly(
        "target  hot-merchant   batch 100 peak 1142/s: 0.72x app-style (1592/s; >= 10x: MISSED),"
            + " 0.42x function (2703/s; >= 5x: MISSED)",
        "target  transfers      batch 100 peak 5000/s: 2.04x app-style (2448/s; >= 2x: met),"
            + " 1.08x function (4621/s; >= 1x: met)",
        "target  transfers      batch 100 p99 187.0 ms at half the peak (2500/s) (<= 200 ms: met)",
        "target  deposits       single    peak 627/s: 0.17x app-style (3768/s; no target),"
            + " 0.09x function (6781/s; no target)",
        "target  deposits       single    p99 447.0 ms at half the peak (314/s) (<= 100 ms: MISSED)");
  }

  @Test
  void checksTheLedgerAloneAgainstSeventyPercentOfTheTrivialApp() {
    List<String> lines = Targets.lines(List.of(), List.of(), List.of(), List.of(
        ledgerAlone(LedgerWorkload.DEPOSITS, 7_800, 30_000, 18_000),
        ledgerAlone(LedgerWorkload.TRANSFERS, 21_000, 30_000, 24_000)));

    assertThat(lines).containsExactly(
        "target  ledger-alone   deposits               26% of the trivial app (>= 70%: MISSED; the trivial app"
            + " with decided ids: 60%)",
        "target  ledger-alone   transfers (uniform)    70% of the trivial app (>= 70%: met; the trivial app with"
            + " decided ids: 80%)");
  }

  @Test
  void leavesOutWhatThePartsRunCannotTellAndSaysWhenThereWasNoPeak() {
    List<String> lines = Targets.lines(List.of(), List.of(
        pipeline("deposits", 100, 1931, 99.5),
        new PipelineBenchmark.Result("transfers", 1, false, 200, 0, 0, 0, 0, 0, 0)), List.of(), List.of());

    assertThat(lines).containsExactly(
        "target  deposits       batch 100 p99 99.5 ms at half the peak (966/s) (<= 100 ms: met)",
        "target  transfers      single    no peak: not even the first rate was sustained");
  }

  @Test
  void aServiceIsWithinItsHeapWhileItsLongLivedPoolAndItsPausesStayWithinTheirLimitsAndItNeverRestarted() {
    List<String> lines = Targets.lines(List.of(), List.of(), List.of(
        new HeapWatch.Figures("api-gateway", 512, 300, 0.25, 40, 0.01, 500, 0, 0),
        new HeapWatch.Figures("balance-view", 512, 500, 0.86, 40, 0.04, 500, 3, 0),
        new HeapWatch.Figures("ledger-processor", 512, 300, 0.25, 40, 0.01, 500, 0, 1),
        new HeapWatch.Figures("api-gateway", 512, 300, 0.25, 40, 0.06, 500, 0, 0),
        new HeapWatch.Figures("balance-view", 512, 100, 0, 0, 0, 500, 0, 0),
        new HeapWatch.Figures("ledger-processor", 512, 0, 0, 0, 0, 0, 500, 0)), List.of());

    assertThat(lines).containsExactly(
        "target  memory         api-gateway      under load in a 512 MB heap: long-lived pool at most 25% full after"
            + " a collection (<= 80%), paused 1.00% of the time (<= 5%), 0 restarts: met",
        "target  memory         balance-view     under load in a 512 MB heap: long-lived pool at most 86% full after"
            + " a collection (<= 80%), paused 4.00% of the time (<= 5%), 0 restarts: MISSED",
        "target  memory         ledger-processor under load in a 512 MB heap: long-lived pool at most 25% full after"
            + " a collection (<= 80%), paused 1.00% of the time (<= 5%), 1 restarts: MISSED",
        "target  memory         api-gateway      under load in a 512 MB heap: long-lived pool at most 25% full after"
            + " a collection (<= 80%), paused 6.00% of the time (<= 5%), 0 restarts: MISSED",
        "target  memory         balance-view     no figures: no collection of its long-lived pool was reported",
        "target  memory         ledger-processor no figures: its metrics never answered");
  }

  private static BaselineResult baseline(BaselineWorkload workload, double best) {
    return new BaselineResult(workload, Map.of(8, best, 32, best / 2), 0);
  }

  private static PipelineBenchmark.Result pipeline(String workload, int batch, double peak, double p99) {
    return new PipelineBenchmark.Result(workload, batch, true, 200, peak, peak / 2, p99 / 2, p99, p99 * 1.2, 1000);
  }

  private static LedgerAloneResult ledgerAlone(LedgerWorkload workload, double ledger, double trivial,
      double trivialWithDecidedIds) {
    return new LedgerAloneResult(workload, new RateSamples.Rate(ledger, 30, 40, 120, 70),
        new RateSamples.Rate(trivial, 30, 40, 30, 20), new RateSamples.Rate(trivialWithDecidedIds, 30, 40, 40, 25));
  }
}
