package com.kafkaledger.processor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Role;
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

  @Test
  void aDepositBySomeoneOtherThanTheOwnerIsRejectedAsAnEventWithoutMovingMoney() {
    ledger.apply(open(account, "EUR"));

    LedgerEvent rejected = ledger.apply(moveBy("mallory", Role.CUSTOMER, CommandType.DEPOSIT, 100)).event();

    assertThat(rejected.type()).isEqualTo(EventType.REJECTED);
    assertThat(rejected.reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(rejected.sequence()).as("recorded in the account's history").isEqualTo(2);
    assertThat(rejected.initiatorId()).isEqualTo("mallory");
    assertThat(ledger.accounts.get(account).balance()).isZero();
  }

  @Test
  void aWithdrawalBySomeoneOtherThanTheOwnerIsRejectedWhateverTheirRole() {
    ledger.apply(open(account, "EUR"));
    ledger.apply(move(CommandType.DEPOSIT, account, 100, "EUR"));

    for (Role role : Role.values()) {
      assertThat(ledger.apply(moveBy("mallory", role, CommandType.WITHDRAWAL, 10)).event().reason())
          .as("role %s", role).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    }
    assertThat(ledger.accounts.get(account).balance()).isEqualTo(100);
  }

  @Test
  void theOwnerMovesTheirMoneyWhateverTheirRole() {
    ledger.apply(open(account, "EUR"));

    assertThat(ledger.apply(moveBy("alice", Role.MERCHANT, CommandType.DEPOSIT, 100)).event().type())
        .isEqualTo(EventType.DEPOSITED);
  }

  @Test
  void theAccountsOwnStateIsCheckedBeforeTheInitiatorsAuthority() {
    assertThat(ledger.apply(moveBy("mallory", Role.CUSTOMER, CommandType.DEPOSIT, 5)).event())
        .extracting(LedgerEvent::reason, LedgerEvent::sequence)
        .containsExactly(RejectionReason.ACCOUNT_NOT_FOUND, 0L);

    ledger.apply(open(account, "EUR"));
    assertThat(ledger.apply(LedgerCommand.movement(UUID.randomUUID().toString(), CommandType.DEPOSIT, account,
        "mallory", 5, "USD", null, "fp", NOW)).event().reason()).isEqualTo(RejectionReason.CURRENCY_MISMATCH);

    AccountState closed = new AccountState(account, "alice", AccountKind.CUSTOMER, "EUR", 0, 0, AccountStatus.CLOSED, 7);
    assertThat(ledger.core.decide(closed, null, moveBy("mallory", Role.CUSTOMER, CommandType.DEPOSIT, 5), NOW)
        .event().reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
  }

  @Test
  void aMerchantAccountIsOpenedOnlyByAMerchant() {
    LedgerCommand byCustomer = openKind(AccountKind.MERCHANT).byRole(Role.CUSTOMER);
    LedgerEvent rejected = ledger.apply(byCustomer).event();

    assertThat(rejected.reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(rejected.sequence()).as("no account, no history").isZero();
    assertThat(ledger.accounts).doesNotContainKey(account);

    LedgerEvent opened = ledger.apply(openKind(AccountKind.MERCHANT).byRole(Role.MERCHANT)).event();
    assertThat(opened.type()).isEqualTo(EventType.ACCOUNT_OPENED);
    assertThat(opened.accountKind()).isEqualTo(AccountKind.MERCHANT);
  }

  @Test
  void aCustomerAccountIsOpenedByACustomerOrAnOlderGatewayWithoutARole() {
    assertThat(ledger.apply(openKind(AccountKind.CUSTOMER).byRole(Role.MERCHANT)).event().reason())
        .isEqualTo(RejectionReason.NOT_AUTHORIZED);

    assertThat(ledger.apply(openKind(AccountKind.CUSTOMER)).event().type()).isEqualTo(EventType.ACCOUNT_OPENED);
  }

  @Test
  void anOperatorOpensNothingAndNobodyOpensTheLedgersOwnAccounts() {
    assertThat(ledger.apply(openKind(AccountKind.CUSTOMER).byRole(Role.OPERATOR)).event().reason())
        .isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(ledger.apply(openKind(AccountKind.MERCHANT).byRole(Role.OPERATOR)).event().reason())
        .isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(ledger.apply(openKind(AccountKind.SYSTEM).byRole(Role.CUSTOMER)).event().reason())
        .isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(ledger.apply(openKind(AccountKind.TRANSIT).byRole(Role.MERCHANT)).event().reason())
        .isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(ledger.accounts).isEmpty();
  }

  private LedgerCommand moveBy(String initiator, Role role, CommandType type, long amount) {
    return LedgerCommand.movement(UUID.randomUUID().toString(), type, account, initiator, amount, "EUR", null,
        "fp", NOW).byRole(role);
  }

  private LedgerCommand openKind(AccountKind kind) {
    return LedgerCommand.openAccount(UUID.randomUUID().toString(), account, "alice", kind, "EUR", "fp", NOW);
  }

  static LedgerCommand open(String accountId, String currency) {
    return LedgerCommand.openAccount(UUID.randomUUID().toString(), accountId, "alice", currency, "fp", NOW);
  }

  static LedgerCommand move(CommandType type, String accountId, long amount, String currency) {
    return LedgerCommand.movement(UUID.randomUUID().toString(), type, accountId, "alice", amount,
        currency, null, "fp", NOW);
  }
}
