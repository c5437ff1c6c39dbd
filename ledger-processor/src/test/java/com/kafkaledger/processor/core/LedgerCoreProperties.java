package com.kafkaledger.processor.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ledger's invariants over random command sequences, duplicates included. */
class LedgerCoreProperties {

  private static final List<String> ACCOUNTS = List.of(id(), id(), id(), id(), id());
  private static final List<String> CURRENCIES = List.of("EUR", "USD");
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Property(tries = 300)
  void moneyIsConservedFloorsHoldSequencesAreGapFreeAndDuplicatesChangeNothing(
      @ForAll("actions") @Size(max = 120) List<Action> actions,
      @ForAll @IntRange(max = 500) int defaultOverdraftLimit) {
    LedgerSimulation ledger = new LedgerSimulation(defaultOverdraftLimit);
    List<LedgerCommand> issued = new ArrayList<>();

    for (Action action : actions) {
      boolean redelivery = action.duplicateOf >= 0;
      if (redelivery && issued.isEmpty()) {
        continue;
      }
      LedgerCommand command = redelivery
          ? issued.get(action.duplicateOf % issued.size())
          : action.toCommand();
      boolean seenBefore = ledger.processed.containsKey(command.transactionId());
      Map<String, AccountState> before = new HashMap<>(ledger.accounts);

      Decision decision = ledger.apply(command);

      if (seenBefore) {
        assertThat(decision.duplicate()).isTrue();
        assertThat(ledger.accounts).isEqualTo(before);
      } else {
        assertThat(decision.event()).isNotNull();
        issued.add(command);
      }
      assertMoneyConserved(ledger);
    }
    assertEveryTransactionHasExactlyOneOutcome(ledger, issued);
    assertEachAccountsEventsFoldToItsState(ledger);
  }

  /** The accounts hold exactly what came in from, minus what went out to, the system accounts. */
  private static void assertMoneyConserved(LedgerSimulation ledger) {
    for (String currency : CURRENCIES) {
      long held = ledger.accounts.values().stream()
          .filter(account -> account.currency().equals(currency))
          .mapToLong(AccountState::balance).sum();
      long systemAccount = -ledger.events.stream()
          .filter(event -> event.currency().equals(currency))
          .mapToLong(LedgerEvent::balanceDelta).sum();
      assertThat(held + systemAccount).as("sum over %s accounts", currency).isZero();
    }
  }

  private static void assertEveryTransactionHasExactlyOneOutcome(LedgerSimulation ledger,
      List<LedgerCommand> issued) {
    assertThat(ledger.events).hasSize(issued.size());
    assertThat(ledger.events.stream().map(LedgerEvent::transactionId).distinct()).hasSize(issued.size());
    assertThat(new HashSet<>(ledger.processed.keySet()))
        .isEqualTo(new HashSet<>(issued.stream().map(LedgerCommand::transactionId).toList()));
  }

  private static void assertEachAccountsEventsFoldToItsState(LedgerSimulation ledger) {
    for (AccountState account : ledger.accounts.values()) {
      List<LedgerEvent> history = ledger.events.stream()
          .filter(event -> event.accountId().equals(account.accountId()) && event.sequence() > 0)
          .toList();
      long balance = 0;
      for (int i = 0; i < history.size(); i++) {
        LedgerEvent event = history.get(i);
        assertThat(event.sequence()).as("gap-free sequence").isEqualTo(i + 1);
        balance += event.balanceDelta();
        assertThat(event.balanceAfter()).isEqualTo(balance);
        assertThat(balance).as("never below the floor").isGreaterThanOrEqualTo(-event.overdraftLimit());
        assertThat(event.type() == EventType.REJECTED).isEqualTo(event.reason() != null);
      }
      assertThat(account.balance()).isEqualTo(balance);
      assertThat(account.sequence()).isEqualTo(history.size());
    }
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Long> amounts = Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.longs().between(1, 1_000)),
        Tuple.of(1, Arbitraries.longs().between(1, LedgerCore.MAX_AMOUNT)));
    Arbitrary<Action> fresh = Combinators.combine(
            Arbitraries.of(CommandType.values()),
            Arbitraries.of(ACCOUNTS),
            amounts,
            Arbitraries.frequency(Tuple.of(9, "EUR"), Tuple.of(1, "USD")))
        .as((type, account, amount, currency) -> new Action(type, account, amount, currency, -1));
    Arbitrary<Action> duplicate = Arbitraries.integers().between(0, 1_000)
        .map(earlier -> new Action(null, null, 0, null, earlier));
    return Arbitraries.frequencyOf(Tuple.of(8, fresh), Tuple.of(2, duplicate)).list();
  }

  /** A new command, or (duplicateOf >= 0) the re-delivery of an earlier one. */
  record Action(CommandType type, String accountId, long amount, String currency, int duplicateOf) {

    LedgerCommand toCommand() {
      String transactionId = id();
      return type == CommandType.OPEN_ACCOUNT
          ? LedgerCommand.openAccount(transactionId, accountId, "owner", currency, "fp", NOW)
          : LedgerCommand.movement(transactionId, type, accountId, "owner", amount, currency, null, "fp", NOW);
    }
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
