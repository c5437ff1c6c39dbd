package com.kafkaledger.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.systemtests.Workload.Accepted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks find what they are there to find: each broken history below is caught. */
class BankChecksTest {

  private static final String ALICE = "00000000-0000-0000-0000-00000000000a";
  private static final String BOB = "00000000-0000-0000-0000-00000000000b";

  private final List<LedgerEvent> events = new ArrayList<>();
  private final List<Accepted> accepted = new ArrayList<>();
  private final Map<String, String> seenByClients = new HashMap<>();

  /** Alice and Bob open accounts, Alice deposits 100, sends Bob 30, withdraws 20. */
  private void healthyHistory() {
    open("open-a", ALICE);
    open("open-b", BOB);
    request("deposit", "DEPOSIT", ALICE, 100, "COMPLETED");
    events.add(event("deposit", CommandType.DEPOSIT, ALICE, 2, EventType.DEPOSITED, 100, 100, 0));
    request("transfer", "TRANSFER", ALICE, 30, "COMPLETED");
    events.add(event("transfer", CommandType.TRANSFER, ALICE, 3, EventType.TRANSFER_DEBITED, 30, 70, 0));
    events.add(event("transfer", CommandType.TRANSFER, BOB, 2, EventType.TRANSFER_CREDITED, 30, 30, 0));
    request("withdrawal", "WITHDRAWAL", ALICE, 20, "COMPLETED");
    events.add(event("withdrawal", CommandType.WITHDRAWAL, ALICE, 4, EventType.WITHDRAWN, 20, 50, 0));
  }

  @Test
  void aHealthyHistoryHasNoViolations() {
    healthyHistory();

    BankChecks checks = checks();

    assertThat(List.of(checks.books(), checks.sequences(), checks.outcomes()))
        .allSatisfy(check -> assertThat(check.violations()).as(check.line()).isZero());
  }

  @Test
  void aDepositAppliedTwiceIsCaughtByTheOutcomesAndTheBooks() {
    healthyHistory();
    events.add(event("deposit", CommandType.DEPOSIT, ALICE, 5, EventType.DEPOSITED, 100, 150, 0));

    BankChecks checks = checks();

    assertThat(checks.outcomes().violations()).isEqualTo(1);
    assertThat(checks.books().examples()).anyMatch(example -> example.contains("accounts hold 180"));
  }

  @Test
  void aDebitNeitherCreditedNorReversedIsCaught() {
    healthyHistory();
    request("lost", "TRANSFER", ALICE, 10, "COMPLETED");
    events.add(event("lost", CommandType.TRANSFER, ALICE, 5, EventType.TRANSFER_DEBITED, 10, 40, 0));

    BankChecks checks = checks();

    assertThat(checks.outcomes().examples()).anyMatch(example -> example.contains("TRANSFER_DEBITED"));
    assertThat(checks.books().examples()).anyMatch(example -> example.contains("still in flight"));
  }

  @Test
  void aReversedTransferIsOneRejectedOutcome() {
    healthyHistory();
    request("reversed", "TRANSFER", ALICE, 10, "REJECTED");
    events.add(event("reversed", CommandType.TRANSFER, ALICE, 5, EventType.TRANSFER_DEBITED, 10, 40, 0));
    events.add(event("reversed", CommandType.TRANSFER, ALICE, 6, EventType.TRANSFER_REVERSED, 10, 50, 0));

    assertThat(checks().outcomes().violations()).isZero();
  }

  @Test
  void aBalanceBelowItsOverdraftLimitOrAGapInTheSequenceIsCaught() {
    healthyHistory();
    request("overdrawn", "WITHDRAWAL", BOB, 60, "COMPLETED");
    events.add(event("overdrawn", CommandType.WITHDRAWAL, BOB, 4, EventType.WITHDRAWN, 60, -30, 20));

    BankChecks.Check accounts = checks().sequences();

    assertThat(accounts.examples()).anyMatch(example -> example.contains("below minus its overdraft limit 20"));
    assertThat(accounts.examples()).anyMatch(example -> example.contains("sequence 4 where 3 was next"));
  }

  @Test
  void anOutcomeTheClientIsToldDifferentlyIsCaught() {
    healthyHistory();
    seenByClients.put("withdrawal", "REJECTED");

    assertThat(checks().outcomes().examples()).anyMatch(example -> example.contains("the client sees REJECTED"));
  }

  @Test
  void eventsOfATransactionNoClientWasAnsweredForAreCaught() {
    healthyHistory();
    events.add(event("nobody-asked", CommandType.DEPOSIT, BOB, 3, EventType.DEPOSITED, 5, 35, 0));

    assertThat(checks().outcomes().examples()).anyMatch(example -> example.contains("no client was answered"));
  }

  @Test
  void onlyTheAllowedShapesOfOutcomeHaveAStatus() {
    LedgerEvent rejected = event("t", CommandType.TRANSFER, ALICE, 0, EventType.REJECTED, 1, null, null);
    LedgerEvent debited = event("t", CommandType.TRANSFER, ALICE, 1, EventType.TRANSFER_DEBITED, 1, 0, 0);
    LedgerEvent credited = event("t", CommandType.TRANSFER, BOB, 1, EventType.TRANSFER_CREDITED, 1, 1, 0);

    assertThat(BankChecks.statusOf("TRANSFER", List.of(rejected))).isEqualTo("REJECTED");
    assertThat(BankChecks.statusOf("TRANSFER", List.of(credited, debited))).isEqualTo("COMPLETED");
    assertThat(BankChecks.statusOf("TRANSFER", List.of(debited, credited, credited))).isNull();
    assertThat(BankChecks.statusOf("TRANSFER", List.of())).isNull();
    assertThat(BankChecks.statusOf("DEPOSIT", List.of(rejected, rejected))).isNull();
  }

  private BankChecks checks() {
    return new BankChecks(events, accepted, seenByClients);
  }

  private void open(String transactionId, String account) {
    request(transactionId, "OPEN_ACCOUNT", account, 0, "COMPLETED");
    events.add(event(transactionId, CommandType.OPEN_ACCOUNT, account, 1, EventType.ACCOUNT_OPENED, 0, 0, 0));
  }

  private void request(String transactionId, String type, String account, long amount, String outcome) {
    accepted.add(new Accepted(transactionId, type, account, null, amount, "EUR", null));
    seenByClients.put(transactionId, outcome);
  }

  private static LedgerEvent event(String transactionId, CommandType type, String account, long sequence,
      EventType eventType, long amount, Integer balanceAfter, Integer overdraftLimit) {
    return new LedgerEvent(LedgerEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), transactionId, type, account,
        sequence, eventType, amount, "EUR", balanceAfter == null ? null : balanceAfter.longValue(),
        overdraftLimit == null ? null : overdraftLimit.longValue(), null,
        eventType == EventType.REJECTED ? RejectionReason.INSUFFICIENT_FUNDS : null, null, "owner", "owner",
        Instant.now(), sequence == 0 ? null : AccountKind.CUSTOMER);
  }
}
