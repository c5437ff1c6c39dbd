package com.kafkaledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.localcluster.service.LedgerService;
import org.junit.jupiter.api.Test;

/** The short bank test, part of ./mvnw -B verify; the long one is ./system-tests/bank-test --minutes N. */
class ShortBankTest {

  @Test
  void noMoneyIsCreatedLostOrMovedTwiceWhileProcessesAreKilled() throws Exception {
    BankTest.Result result = BankTest.run(BankTest.Settings.shortRun(LedgerService.projectRoot()));

    assertThat(result.processorKills()).as("ledger-processor kill -9s").isGreaterThanOrEqualTo(5);
    assertThat(result.brokerKills()).as("Kafka node kill -9s").isGreaterThanOrEqualTo(1);
    assertThat(result.requests()).as("requests sent").isGreaterThan(100);
    assertThat(result.checks()).allSatisfy(check -> assertThat(check.violations()).as(check.line()).isZero());
  }
}
