package com.kafkaledger.processor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.Leg;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final LedgerSimulation ledger = new LedgerSimulation(0);
  private final String alice = UUID.randomUUID().toString();
  private final String bob = UUID.randomUUID().toString();
  private final String shop = UUID.randomUUID().toString();

  @BeforeEach
  void openAccounts() {
    ledger.apply(open(alice, "alice", AccountKind.CUSTOMER, "EUR"));
    ledger.apply(open(bob, "bob", AccountKind.CUSTOMER, "EUR"));
    ledger.apply(open(shop, "shopkeeper", AccountKind.MERCHANT, "EUR"));
    ledger.apply(LedgerCommand.movement(id(), CommandType.DEPOSIT, alice, "alice", 100, "EUR", null, "fp", NOW));
    ledger.events.clear();
  }

  @Test
  void transferDebitsTheSourceThenCreditsTheDestination() {
    Decision debit = ledger.apply(transfer(alice, bob, 30));

    assertThat(debit.event().type()).isEqualTo(EventType.TRANSFER_DEBITED);
    assertThat(debit.event().counterpartyAccountId()).isEqualTo(bob);
    assertThat(debit.followUp().leg()).isEqualTo(Leg.CREDIT);
    assertThat(debit.followUp().accountId()).isEqualTo(bob);
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(70);
    assertThat(ledger.accounts.get(bob).balance()).isZero(); // in transit

    ledger.settle();

    assertThat(ledger.accounts.get(bob).balance()).isEqualTo(30);
    assertThat(ledger.events).extracting(LedgerEvent::type)
        .containsExactly(EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED);
  }

  @Test
  void transferBeyondTheBalanceIsRejectedAtTheSourceAndNothingTravels() {
    Decision debit = ledger.apply(transfer(alice, bob, 101));

    assertThat(debit.event().reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(debit.followUp()).isNull();
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
  }

  @Test
  void transferToAnUnknownAccountIsReversedToTheSource() {
    String nobody = UUID.randomUUID().toString();
    ledger.apply(transfer(alice, nobody, 40));

    ledger.settle();

    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
    LedgerEvent reversal = ledger.events.get(ledger.events.size() - 1);
    assertThat(reversal.type()).isEqualTo(EventType.TRANSFER_REVERSED);
    assertThat(reversal.accountId()).isEqualTo(alice);
    assertThat(reversal.reason()).isEqualTo(RejectionReason.ACCOUNT_NOT_FOUND);
    assertThat(ledger.events).hasSize(2); // the failed credit itself emits nothing
  }

  @Test
  void transferToAClosedAccountIsReversed() {
    ledger.apply(LedgerCommand.closeAccount(id(), bob, "bob", "EUR", "fp", NOW));
    ledger.apply(transfer(alice, bob, 40));

    ledger.settle();

    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
    assertThat(ledger.events.get(ledger.events.size() - 1).reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
  }

  @Test
  void transferToAnotherCurrencyIsReversed() {
    String dollars = UUID.randomUUID().toString();
    ledger.apply(open(dollars, "bob", AccountKind.CUSTOMER, "USD"));
    ledger.apply(transfer(alice, dollars, 40));

    ledger.settle();

    assertThat(ledger.accounts.get(dollars).balance()).isZero();
    assertThat(ledger.events.get(ledger.events.size() - 1).reason()).isEqualTo(RejectionReason.CURRENCY_MISMATCH);
  }

  @Test
  void chargeCreditsAMerchantButIsReversedFromACustomer() {
    ledger.apply(charge(alice, shop, "shopkeeper", 25));
    ledger.apply(charge(alice, bob, "bob", 10));

    ledger.settle();

    assertThat(ledger.accounts.get(shop).balance()).isEqualTo(25);
    assertThat(ledger.accounts.get(bob).balance()).isZero();
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(75);
    assertThat(ledger.events).filteredOn(event -> event.type() == EventType.TRANSFER_REVERSED)
        .extracting(LedgerEvent::reason).containsExactly(RejectionReason.NOT_A_MERCHANT);
  }

  @Test
  void depositsAndCreditsStopAtTheBalanceCeilingButAReversalStillApplies() {
    ledger.accounts.put(bob, ledger.accounts.get(bob).withBalance(LedgerCore.MAX_BALANCE - 10));
    ledger.accounts.put(alice, ledger.accounts.get(alice).withBalance(LedgerCore.MAX_BALANCE));

    Decision deposit = ledger.apply(LedgerCommand.movement(id(), CommandType.DEPOSIT, bob, "bob", 11, "EUR", null,
        "fp", NOW).byRole(Role.CUSTOMER));
    ledger.apply(transfer(alice, bob, 11));
    ledger.settle();

    assertThat(deposit.event().reason()).isEqualTo(RejectionReason.BALANCE_LIMIT_EXCEEDED);
    assertThat(ledger.accounts.get(bob).balance()).isEqualTo(LedgerCore.MAX_BALANCE - 10);
    LedgerEvent reversal = ledger.events.get(ledger.events.size() - 1);
    assertThat(reversal.type()).isEqualTo(EventType.TRANSFER_REVERSED);
    assertThat(reversal.reason()).isEqualTo(RejectionReason.BALANCE_LIMIT_EXCEEDED);
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(LedgerCore.MAX_BALANCE);
  }

  @Test
  void aReversalTheBalanceCannotHoldThrowsAndChangesNothing() {
    LedgerCommand debit = transfer(alice, UUID.randomUUID().toString(), 50);
    ledger.apply(debit);
    ledger.accounts.put(alice, ledger.accounts.get(alice).withBalance(Long.MAX_VALUE - 10));

    assertThatThrownBy(() -> ledger.apply(debit.creditLeg().reversalLeg(RejectionReason.ACCOUNT_NOT_FOUND)))
        .isInstanceOf(ArithmeticException.class);
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(Long.MAX_VALUE - 10);
  }

  @Test
  void aRedeliveredCreditLegIsAppliedOnce() {
    ledger.apply(transfer(alice, bob, 30));
    LedgerCommand credit = ledger.deliver(0);

    Decision again = ledger.apply(credit);

    assertThat(again.duplicate()).isTrue();
    assertThat(ledger.accounts.get(bob).balance()).isEqualTo(30);
  }

  @Test
  void aReversalReachesTheSourceEvenIfItClosedMeanwhileAndOnlyItsOwnerTakesTheMoneyOut() {
    ledger.apply(LedgerCommand.movement(id(), CommandType.WITHDRAWAL, alice, "alice", 60, "EUR", null, "fp", NOW));
    ledger.apply(transfer(alice, UUID.randomUUID().toString(), 40));
    ledger.apply(LedgerCommand.closeAccount(id(), alice, "alice", "EUR", "fp", NOW));

    ledger.settle();

    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(40);
    assertThat(ledger.accounts.get(alice).isClosed()).isTrue();

    Decision tooMuch = ledger.apply(LedgerCommand.movement(id(), CommandType.WITHDRAWAL, alice, "alice", 41, "EUR",
        null, "fp", NOW).byRole(Role.CUSTOMER));
    Decision charged = ledger.apply(charge(alice, shop, "shopkeeper", 10));
    Decision deposit = ledger.apply(LedgerCommand.movement(id(), CommandType.DEPOSIT, alice, "alice", 5, "EUR",
        null, "fp", NOW).byRole(Role.CUSTOMER));
    Decision withdrawn = ledger.apply(LedgerCommand.movement(id(), CommandType.WITHDRAWAL, alice, "alice", 15, "EUR",
        null, "fp", NOW).byRole(Role.CUSTOMER));
    ledger.apply(transfer(alice, bob, 25));
    ledger.settle();

    assertThat(tooMuch.event().reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
    assertThat(charged.event().reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
    assertThat(deposit.event().reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
    assertThat(withdrawn.event().type()).isEqualTo(EventType.WITHDRAWN);
    assertThat(ledger.accounts.get(alice).balance()).isZero();
    assertThat(ledger.accounts.get(bob).balance()).isEqualTo(25);
    assertThat(ledger.accounts.get(alice).isClosed()).isTrue();
  }

  @Test
  void closingNeedsAZeroBalanceAndThenRefusesMovements() {
    assertThat(ledger.apply(LedgerCommand.closeAccount(id(), alice, "alice", "EUR", "fp", NOW)).event().reason())
        .isEqualTo(RejectionReason.ACCOUNT_NOT_EMPTY);

    assertThat(ledger.apply(LedgerCommand.closeAccount(id(), bob, "bob", "EUR", "fp", NOW)).event().type())
        .isEqualTo(EventType.ACCOUNT_CLOSED);
    assertThat(ledger.apply(LedgerCommand.movement(id(), CommandType.DEPOSIT, bob, "bob", 5, "EUR", null, "fp", NOW))
        .event().reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
  }

  @Test
  void overdraftLimitLetsTheBalanceGoNegativeButNeverBelowIt() {
    ledger.apply(overdraftLimit(alice, 50, Role.OPERATOR));

    assertThat(ledger.apply(transfer(alice, bob, 150)).event().type())
        .isEqualTo(EventType.TRANSFER_DEBITED);
    assertThat(ledger.apply(transfer(alice, bob, 1)).event().reason())
        .isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(-50);
    assertThat(ledger.apply(overdraftLimit(alice, 49, Role.OPERATOR))
        .event().reason()).isEqualTo(RejectionReason.OVERDRAFT_IN_USE);
  }

  @Test
  void aTransferBetweenOneAccountAndItselfBreaksTheContract() {
    assertThatThrownBy(() -> ledger.apply(transfer(alice, alice, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTransferFromSomeoneElsesAccountIsRefusedAtTheSource() {
    Decision debit = ledger.apply(LedgerCommand.debitLeg(id(), CommandType.TRANSFER, alice, bob, "bob", 30,
        "EUR", null, "fp", NOW));

    assertThat(debit.event().type()).isEqualTo(EventType.REJECTED);
    assertThat(debit.event().reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(debit.followUp()).isNull();
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
  }

  @Test
  void anOperatorDoesNotMoveACustomersMoney() {
    Decision debit = ledger.apply(LedgerCommand.debitLeg(id(), CommandType.TRANSFER, alice, bob, "operator", 30,
        "EUR", null, "fp", NOW).byRole(Role.OPERATOR));

    assertThat(debit.event().reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
  }

  @Test
  void aTransferMayCreditAnyonesAccount() {
    ledger.apply(transfer(alice, shop, 30));

    ledger.settle();

    assertThat(ledger.accounts.get(shop).balance()).isEqualTo(30);
  }

  @Test
  void aChargeByACustomerIsRefusedAtTheWallet() {
    Decision debit = ledger.apply(LedgerCommand.debitLeg(id(), CommandType.CHARGE, alice, shop, "shopkeeper", 25,
        "EUR", "coffee", "fp", NOW).byRole(Role.CUSTOMER));

    assertThat(debit.event().reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(debit.followUp()).isNull();
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
  }

  @Test
  void aChargeFromAnOlderGatewayWithoutARoleCountsAsACustomersAndIsRefused() {
    Decision debit = ledger.apply(LedgerCommand.debitLeg(id(), CommandType.CHARGE, alice, shop, "shopkeeper", 25,
        "EUR", "coffee", "fp", NOW));

    assertThat(debit.event().reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
  }

  @Test
  void aChargeDebitsOnlyACustomersWallet() {
    String rivalShop = UUID.randomUUID().toString();
    ledger.apply(open(rivalShop, "rival-shopkeeper", AccountKind.MERCHANT, "EUR"));
    ledger.apply(LedgerCommand.movement(id(), CommandType.DEPOSIT, rivalShop, "rival-shopkeeper", 100, "EUR", null,
        "fp", NOW).byRole(Role.MERCHANT));
    ledger.events.clear();

    Decision debit = ledger.apply(charge(rivalShop, shop, "shopkeeper", 25));
    ledger.settle();

    assertThat(debit.event().type()).isEqualTo(EventType.REJECTED);
    assertThat(debit.event().reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(debit.followUp()).isNull();
    assertThat(ledger.accounts.get(rivalShop).balance()).isEqualTo(100);
    assertThat(ledger.accounts.get(shop).balance()).isZero();
  }

  @Test
  void aChargeCreditingAnotherMerchantsAccountIsReversedToTheWallet() {
    ledger.apply(charge(alice, shop, "rival-shopkeeper", 25));

    ledger.settle();

    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
    assertThat(ledger.accounts.get(shop).balance()).isZero();
    assertThat(ledger.events).as("no event on the merchant's account").extracting(LedgerEvent::accountId)
        .containsOnly(alice);
    LedgerEvent reversal = ledger.events.get(ledger.events.size() - 1);
    assertThat(reversal.type()).isEqualTo(EventType.TRANSFER_REVERSED);
    assertThat(reversal.reason()).isEqualTo(RejectionReason.NOT_AUTHORIZED);
  }

  @Test
  void aChargeToAnUnknownAccountIsReversedAsNotFoundBeforeAnyAuthorityCheck() {
    ledger.apply(charge(alice, UUID.randomUUID().toString(), "shopkeeper", 25));

    ledger.settle();

    assertThat(ledger.events.get(ledger.events.size() - 1).reason()).isEqualTo(RejectionReason.ACCOUNT_NOT_FOUND);
  }

  @Test
  void onlyAnOperatorSetsAnOverdraftLimit() {
    for (Role notOperator : new Role[] {Role.CUSTOMER, Role.MERCHANT, null}) {
      LedgerCommand byOwner = LedgerCommand.setOverdraftLimit(id(), alice, "alice", "EUR", 50, "fp", NOW)
          .byRole(notOperator);

      assertThat(ledger.apply(byOwner).event().reason()).as("role %s", notOperator)
          .isEqualTo(RejectionReason.NOT_AUTHORIZED);
    }
    assertThat(ledger.accounts.get(alice).overdraftLimit()).isZero();
  }

  @Test
  void closingSomeoneElsesAccountIsRefused() {
    assertThat(ledger.apply(LedgerCommand.closeAccount(id(), bob, "alice", "EUR", "fp", NOW)).event().reason())
        .isEqualTo(RejectionReason.NOT_AUTHORIZED);
    assertThat(ledger.accounts.get(bob).isClosed()).isFalse();
  }

  private static LedgerCommand open(String account, String owner, AccountKind kind, String currency) {
    LedgerCommand open = LedgerCommand.openAccount(id(), account, owner, kind, currency, "fp", NOW);
    return open.byRole(kind == AccountKind.MERCHANT ? Role.MERCHANT : Role.CUSTOMER);
  }

  private static LedgerCommand transfer(String from, String to, long amount) {
    return LedgerCommand.debitLeg(id(), CommandType.TRANSFER, from, to, "alice", amount, "EUR", "lunch", "fp", NOW)
        .byRole(Role.CUSTOMER);
  }

  /** A merchant, signed in as {@code merchant}, charges the wallet {@code from}. */
  private static LedgerCommand charge(String from, String to, String merchant, long amount) {
    return LedgerCommand.debitLeg(id(), CommandType.CHARGE, from, to, merchant, amount, "EUR", "coffee", "fp", NOW)
        .byRole(Role.MERCHANT);
  }

  private static LedgerCommand overdraftLimit(String account, long limit, Role role) {
    return LedgerCommand.setOverdraftLimit(id(), account, "operator", "EUR", limit, "fp", NOW).byRole(role);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
