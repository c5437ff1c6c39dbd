package com.kafkaledger.bench.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.ContractSchemas;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.Decision;
import com.kafkaledger.processor.core.LedgerCore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmark's commands are ones the real ledger core applies, not rejects: otherwise it measures rejections. */
class BenchCommandsTest {

  private final LedgerCore core = new LedgerCore(0);
  private final Map<String, AccountState> accounts = new HashMap<>();

  @Test
  void everyWorkloadsCommandsFollowTheContractAndAreApplied() {
    BenchAccounts bench = new BenchAccounts(50);
    bench.customers().forEach(customer -> assertThat(apply(BenchCommands.openCustomerAccount(customer)).event().type())
        .isEqualTo(EventType.ACCOUNT_OPENED));
    assertThat(apply(BenchCommands.openMerchantAccount(bench.merchant())).event().type())
        .isEqualTo(EventType.ACCOUNT_OPENED);
    bench.customers().forEach(customer -> apply(BenchCommands.deposit(customer, LedgerWorkload.FUNDING, "funding")));

    SplittableRandom random = new SplittableRandom(1);
    for (LedgerWorkload workload : LedgerWorkload.values()) {
      for (int i = 0; i < 200; i++) {
        LedgerCommand command = workload.next(bench, random);
        assertThat(ContractSchemas.commandViolations(LedgerJson.toBytes(command))).isEmpty();
        Decision decision = apply(command);
        if (workload.isTwoLegged()) {
          assertThat(decision.event().type()).isEqualTo(EventType.TRANSFER_DEBITED);
          assertThat(apply(decision.followUp()).event().type()).isEqualTo(EventType.TRANSFER_CREDITED);
        } else {
          assertThat(decision.event().type()).isEqualTo(EventType.DEPOSITED);
        }
      }
    }
  }

  @Test
  void theMeterRecognisesASettlingEventAsTheLedgerWritesIt() {
    BenchAccounts bench = new BenchAccounts(2);
    bench.customers().forEach(customer -> apply(BenchCommands.openCustomerAccount(customer)));
    apply(BenchCommands.deposit(bench.customers().get(0), 500, "funding"));
    Decision debit = apply(BenchCommands.transfer(bench.customers().get(0), bench.customers().get(1), 100));
    Decision credit = apply(debit.followUp());

    assertThat(OutputMeter.contains(LedgerJson.toBytes(credit.event()),
        "\"type\":\"TRANSFER_CREDITED\"".getBytes())).isTrue();
    assertThat(OutputMeter.contains(LedgerJson.toBytes(debit.event()),
        "\"type\":\"TRANSFER_CREDITED\"".getBytes())).isFalse();
  }

  @Test
  void twoCustomersAreAlwaysDifferent() {
    BenchAccounts bench = new BenchAccounts(3);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      BenchAccounts.Account[] pair = bench.twoCustomers(random);
      assertThat(pair[0]).isNotEqualTo(pair[1]);
    }
  }

  private Decision apply(LedgerCommand command) {
    Decision decision = core.decide(accounts.get(command.accountId()), null, command, Instant.now());
    if (decision.account() != null) {
      accounts.put(command.accountId(), decision.account());
    }
    return decision;
  }
}
