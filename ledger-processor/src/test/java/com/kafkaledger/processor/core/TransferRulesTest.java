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
    ledger.apply(open(alice, AccountKind.CUSTOMER, "EUR"));
    ledger.apply(open(bob, AccountKind.CUSTOMER, "EUR"));
    ledger.apply(open(shop, AccountKind.MERCHANT, "EUR"));
    ledger.apply(LedgerCommand.movement(id(), CommandType.DEPOSIT, alice, "alice", 100, "EUR", null, "fp", NOW));
    ledger.events.clear();
  }

  @Test
  void transferDebitsTheSourceThenCreditsTheDestination() {
    Decision debit = ledger.apply(transfer(CommandType.TRANSFER, alice, bob, 30));

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
    Decision debit = ledger.apply(transfer(CommandType.TRANSFER, alice, bob, 101));

    assertThat(debit.event().reason()).isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(debit.followUp()).isNull();
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
  }

  @Test
  void transferToAnUnknownAccountIsReversedToTheSource() {
    String nobody = UUID.randomUUID().toString();
    ledger.apply(transfer(CommandType.TRANSFER, alice, nobody, 40));

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
    ledger.apply(transfer(CommandType.TRANSFER, alice, bob, 40));

    ledger.settle();

    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(100);
    assertThat(ledger.events.get(ledger.events.size() - 1).reason()).isEqualTo(RejectionReason.ACCOUNT_CLOSED);
  }

  @Test
  void transferToAnotherCurrencyIsReversed() {
    String dollars = UUID.randomUUID().toString();
    ledger.apply(open(dollars, AccountKind.CUSTOMER, "USD"));
    ledger.apply(transfer(CommandType.TRANSFER, alice, dollars, 40));

    ledger.settle();

    assertThat(ledger.accounts.get(dollars).balance()).isZero();
    assertThat(ledger.events.get(ledger.events.size() - 1).reason()).isEqualTo(RejectionReason.CURRENCY_MISMATCH);
  }

  @Test
  void chargeCreditsAMerchantButIsReversedFromACustomer() {
    ledger.apply(transfer(CommandType.CHARGE, alice, shop, 25));
    ledger.apply(transfer(CommandType.CHARGE, alice, bob, 10));

    ledger.settle();

    assertThat(ledger.accounts.get(shop).balance()).isEqualTo(25);
    assertThat(ledger.accounts.get(bob).balance()).isZero();
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(75);
    assertThat(ledger.events).filteredOn(event -> event.type() == EventType.TRANSFER_REVERSED)
        .extracting(LedgerEvent::reason).containsExactly(RejectionReason.NOT_A_MERCHANT);
  }

  @Test
  void aRedeliveredCreditLegIsAppliedOnce() {
    ledger.apply(transfer(CommandType.TRANSFER, alice, bob, 30));
    LedgerCommand credit = ledger.deliver(0);

    Decision again = ledger.apply(credit);

    assertThat(again.duplicate()).isTrue();
    assertThat(ledger.accounts.get(bob).balance()).isEqualTo(30);
  }

  @Test
  void aReversalReachesTheSourceEvenIfItClosedMeanwhile() {
    ledger.apply(LedgerCommand.movement(id(), CommandType.WITHDRAWAL, alice, "alice", 60, "EUR", null, "fp", NOW));
    ledger.apply(transfer(CommandType.TRANSFER, alice, UUID.randomUUID().toString(), 40));
    ledger.apply(LedgerCommand.closeAccount(id(), alice, "alice", "EUR", "fp", NOW));

    ledger.settle();

    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(40);
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
    ledger.apply(LedgerCommand.setOverdraftLimit(id(), alice, "operator", "EUR", 50, "fp", NOW));

    assertThat(ledger.apply(transfer(CommandType.TRANSFER, alice, bob, 150)).event().type())
        .isEqualTo(EventType.TRANSFER_DEBITED);
    assertThat(ledger.apply(transfer(CommandType.TRANSFER, alice, bob, 1)).event().reason())
        .isEqualTo(RejectionReason.INSUFFICIENT_FUNDS);
    assertThat(ledger.accounts.get(alice).balance()).isEqualTo(-50);
    assertThat(ledger.apply(LedgerCommand.setOverdraftLimit(id(), alice, "operator", "EUR", 49, "fp", NOW))
        .event().reason()).isEqualTo(RejectionReason.OVERDRAFT_IN_USE);
  }

  @Test
  void aTransferBetweenOneAccountAndItselfBreaksTheContract() {
    assertThatThrownBy(() -> ledger.apply(transfer(CommandType.TRANSFER, alice, alice, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LedgerCommand open(String account, AccountKind kind, String currency) {
    return LedgerCommand.openAccount(id(), account, "owner-of-" + account, kind, currency, "fp", NOW);
  }

  private static LedgerCommand transfer(CommandType type, String from, String to, long amount) {
    return LedgerCommand.debitLeg(id(), type, from, to, "alice", amount, "EUR", "lunch", "fp", NOW);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
