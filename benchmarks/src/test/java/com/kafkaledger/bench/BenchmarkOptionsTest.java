package com.kafkaledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.bench.ledger.LedgerWorkload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

  @Test
  void runsEveryPartWithTheDefaultsWhenGivenNothing() throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse();

    assertThat(options.parts()).containsExactly("baseline", "pipeline", "ledger-alone");
    assertThat(options.pipeline().accounts()).isEqualTo(100_000);
    assertThat(options.pipeline().workloads()).containsExactly("deposits", "transfers", "hot-merchant");
    // single requests, then batches of 100, so that one run reports both
    assertThat(options.pipeline().batches()).containsExactly(1, 100);
    assertThat(options.pipeline().modes()).containsExactly("single", "batch 100");
    assertThat(options.clients()).containsExactly(8, 32, 64);
    assertThat(options.baselineDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.ledgerDuration()).isEqualTo(Duration.ofSeconds(120));
    assertThat(options.ledgerExpectedRate()).isEqualTo(30_000);
    assertThat(options.trivialExpectedRate()).isEqualTo(80_000);
  }

  @Test
  void readsTheFlags() throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse("--only", "ledger-alone,baseline", "--baseline-seconds", "5",
        "--clients", "8,16", "--ledger-seconds", "15", "--ledger-rate", "1000", "--trivial-rate", "3000", "--keep-data",
        "--ledger-workloads", "hot-merchant,deposits");

    assertThat(options.parts()).isEqualTo(List.of("baseline", "ledger-alone"));
    assertThat(options.baselineDuration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.clients()).containsExactly(8, 16);
    assertThat(options.ledgerDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(options.ledgerExpectedRate()).isEqualTo(1000);
    assertThat(options.trivialExpectedRate()).isEqualTo(3000);
    assertThat(options.keepData()).isTrue();
    assertThat(options.ledgerWorkloads()).containsExactly(LedgerWorkload.DEPOSITS, LedgerWorkload.HOT_MERCHANT);
  }

  @Test
  void readsTheBatchSizeAndKeepsTheOtherPipelineSettings() throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse("--pipeline-accounts", "5000", "--pipeline-batch", "100",
        "--pipeline-first-rate", "2000", "--pipeline-workloads", "transfers");

    assertThat(options.pipeline().batches()).containsExactly(100);
    assertThat(options.pipeline().modes()).containsExactly("batch 100");
    assertThat(options.pipeline().accounts()).isEqualTo(5000);
    assertThat(options.pipeline().firstRate()).isEqualTo(2000);
    assertThat(options.pipeline().workloads()).containsExactly("transfers");
    assertThat(BenchmarkOptions.parse("--pipeline-batch", "500").pipeline().batches()).containsExactly(500);
    assertThat(BenchmarkOptions.parse("--pipeline-batch", "100,1,100").pipeline().batches()).containsExactly(100, 1);
    assertThat(BenchmarkOptions.parse("--pipeline-accounts", "10").pipeline().accountsPerCustomer()).isEqualTo(10);
    assertThat(BenchmarkOptions.usage()).contains("--pipeline-batch N[,N...]");
    assertThat(options.pipeline().keyedSingles()).isFalse();
    assertThat(BenchmarkOptions.parse("--pipeline-keyed", "--pipeline-batch", "1").pipeline().keyedSingles()).isTrue();
  }

  @Test
  void refusesWhatItCannotRun() {
    assertThatThrownBy(() -> BenchmarkOptions.parse("--only", "rest-api")).hasMessageContaining("unknown part");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--clients", "8,zero")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--baseline-seconds", "0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--ledger-seconds")).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--fast")).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--ledger-workloads", "withdrawals"))
        .hasMessageContaining("unknown ledger workload");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--pipeline-batch", "0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--pipeline-batch", "501")).hasMessageContaining("at most 500");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--pipeline-batch", "ten")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--pipeline-batch", "1,501")).hasMessageContaining("at most 500");
  }
}
