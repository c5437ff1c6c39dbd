package com.kafkaledger.processor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.SystemAccounts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerCoreTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final LedgerSimulation ledger = new LedgerSimulation(0);
  private final String account = UUID.randomUUID().toString();

  @Test
  void openingAnAccountStartsItsSequenceAtOneWithZeroBalance() {
    LedgerEvent opened = ledger.apply(open(account, "EUR")).event();

    assertThat(opened.type()).isEqualTo(EventType.ACCOUNT_OPENED);
    assertThat(opened.sequence()).isEqualTo(1);
    assertThat(opened.balanceAfter()).isZero();
    assertThat(opened.ownerId()).isEqualTo("alice");
    assertThat(ledger.accounts.get(account).currency()).isEqualTo("EUR");
  }

  @Test
  void depositCreditsTheAccountAgainstTheCurrencysSystemAccount() {
    ledger.apply(open(account, "EUR"));

    LedgerEvent deposited = ledger.apply(move(CommandType.DEPOSIT, account, 1250, "EUR")).event();

    assertThat(deposited.type()).isEqualTo(EventType.DEPOSITED);
    assertThat(deposited.balanceAfter()).isEqualTo(1250);
    assertThat(deposited.sequence()).isEqualTo(2);
    assertThat(deposited.counterpartyAccountId()).isEqualTo(SystemAccounts.idFor("EUR"));
  }

  @Test
  void withdrawalBeyondTheBalanceIsRejectedAndRecordedWithoutMovingMoney() {
    ledger.apply(open(account, "EUR"));
    ledger.apply(move(CommandType.DEPOSIT, account, 100, "EUR"));

    LedgerEvent rejected = ledger.apply(move(CommandType.WITHDRAWAL, account, 101, "EUR")).event();

    assertThat(rejected.type()).isEqualTo(EventType.REJECTED);
    assertThat(rejected.reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(rejected.balanceAfter()).isEqualTo(100);
    assertThat(rejected.sequence()).isEqualTo(3);
    assertThat(ledger.accounts.get(account).balance()).isEqualTo(100);
  }

  @Test
  void withdrawalMayUseTheOverdraftButNotMore() {
    LedgerSimulation withOverdraft = new LedgerSimulation(50);
    withOverdraft.apply(open(account, "EUR"));

    assertThat(withOverdraft.apply(move(CommandType.WITHDRAWAL, account, 50, "EUR")).event().type())
        .isEqualTo(EventType.WITHDRAWN);
    assertThat(withOverdraft.apply(move(CommandType.WITHDRAWAL, account, 1, "EUR")).event().reason())
        .isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(withOverdraft.accounts.get(account).balance()).isEqualTo(-50);
  }

  @Test
  void movementInAnotherCurrencyIsRejected() {
    ledger.apply(open(account, "EUR"));

    LedgerEvent rejected = ledger.apply(move(CommandType.DEPOSIT, account, 100, "USD")).event();

    assertThat(rejected.reason()).isEqualTo(RejectionReason.CURRENCY_MISMATCH);
    assertThat(ledger.accounts.get(account).balance()).isZero();
  }

  @Test
  void movementOnAnUnknownAccountIsRejectedOutsideAnyHistory() {
    LedgerEvent rejected = ledger.apply(move(CommandType.DEPOSIT, account, 100, "EUR")).event();

    assertThat(rejected.reason()).isEqualTo(RejectionReason.ACCOUNT_NOT_FOUND);
    assertThat(rejected.sequence()).isZero();
    assertThat(rejected.balanceAfter()).isNull();
    assertThat(ledger.accounts).doesNotContainKey(account);
  }

  @Test
  void movementOnAClosedAccountIsRejected() {
    AccountState closed = new AccountState(account, "alice", AccountKind.CUSTOMER, "EUR", 0, 0, AccountStatus.CLOSED, 7);

    Decision decision = ledger.core.decide(closed, null, move(CommandType.DEPOSIT, account, 5, "EUR"), NOW);

    assertThat(decision.event().reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
    assertThat(decision.event().sequence()).isEqualTo(8);
    assertThat(decision.account().balance()).isZero();
  }

  @Test
  void openingAnExistingAccountAgainIsRejected() {
    ledger.apply(open(account, "EUR"));

    assertThat(ledger.apply(open(account, "USD")).event().reason())
        .isEqualTo(RejectionReason.ACCOUNT_ALREADY_EXISTS);
    assertThat(ledger.accounts.get(account).currency()).isEqualTo("EUR");
  }

  @Test
  void aRepeatedTransactionChangesNothingAndEmitsNothing() {
    ledger.apply(open(account, "EUR"));
    LedgerCommand deposit = move(CommandType.DEPOSIT, account, 100, "EUR");
    ledger.apply(deposit);

    Decision again = ledger.apply(deposit);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.event()).isNull();
    assertThat(ledger.accounts.get(account).balance()).isEqualTo(100);
    assertThat(ledger.events).hasSize(2);
  }

  @Test
  void aRepeatedTransactionKeepsItsFirstOutcomeEvenWhenItWouldNowSucceed() {
    ledger.apply(open(account, "EUR"));
    LedgerCommand withdrawal = move(CommandType.WITHDRAWAL, account, 100, "EUR");
    ledger.apply(withdrawal);
    ledger.apply(move(CommandType.DEPOSIT, account, 500, "EUR"));

    assertThat(ledger.apply(withdrawal).duplicate()).isTrue();
    assertThat(ledger.accounts.get(account).balance()).isEqualTo(500);
  }

  @Test
  void depositThatWouldOverflowTheBalanceIsRejected() {
    AccountState nearlyFull = new AccountState(account, "alice", AccountKind.CUSTOMER, "EUR", Long.MAX_VALUE - 10, 0,
        AccountStatus.OPEN, 3);

    Decision decision = ledger.core.decide(nearlyFull, null, move(CommandType.DEPOSIT, account, 11, "EUR"), NOW);

    assertThat(decision.event().reason()).isEqualTo(RejectionReason.BALANCE_LIMIT_EXCEEDED);
  }

  @Test
  void eventIdsAreStableAcrossAReplayOfTheSameCommands() {
    LedgerSimulation replay = new LedgerSimulation(0);
    LedgerCommand open = open(account, "EUR");
    LedgerCommand deposit = move(CommandType.DEPOSIT, account, 100, "EUR");

    ledger.apply(open);
    ledger.apply(deposit);
    replay.apply(open);
    replay.apply(deposit);

    assertThat(replay.events).extracting(LedgerEvent::eventId)
        .containsExactlyElementsOf(ledger.events.stream().map(LedgerEvent::eventId).toList());
  }

  @Test
  void amountOutsideTheContractIsRefusedLoudly() {
    ledger.apply(open(account, "EUR"));

    assertThatThrownBy(() -> ledger.apply(move(CommandType.DEPOSIT, account, 0, "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.apply(move(CommandType.DEPOSIT, account, LedgerCore.MAX_AMOUNT + 1, "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static LedgerCommand open(String accountId, String currency) {
    return LedgerCommand.openAccount(UUID.randomUUID().toString(), accountId, "alice", currency, "fp", NOW);
  }

  static LedgerCommand move(CommandType type, String accountId, long amount, String currency) {
    return LedgerCommand.movement(UUID.randomUUID().toString(), type, accountId, "alice", amount,
        currency, null, "fp", NOW);
  }
}
