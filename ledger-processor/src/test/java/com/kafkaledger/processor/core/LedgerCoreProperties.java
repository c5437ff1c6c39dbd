package com.kafkaledger.processor.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The ledger's invariants over random mixes of every command across several accounts, with legs
 * delivered late and in any order, and re-deliveries of anything sent before. Most commands come
 * from the account's owner in the right role; some are forged (someone else, or the wrong role).
 */
class LedgerCoreProperties {

  private static final List<String> ACCOUNTS = List.of(id(), id(), id(), id(), id(), id());
  private static final List<String> CURRENCIES = List.of("EUR", "USD");
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  /** Owns no account: whatever this user asks of one is forged. */
  private static final String STRANGER = "mallory";
  /** A forged command may fail for what the account is before the ledger looks at who asked. */
  private static final Set<RejectionReason> FORGERY_OUTCOMES = Set.of(RejectionReason.NOT_AUTHORIZED,
      RejectionReason.ACCOUNT_NOT_FOUND, RejectionReason.ACCOUNT_CLOSED, RejectionReason.CURRENCY_MISMATCH,
      RejectionReason.ACCOUNT_ALREADY_EXISTS, RejectionReason.NOT_A_MERCHANT);

  @Property(tries = 300)
  void moneyIsConservedAtEveryStepAndEveryTransactionEndsExactlyOnce(
      @ForAll("actions") List<Action> actions,
      @ForAll @IntRange(max = 500) int defaultOverdraftLimit) {
    LedgerSimulation ledger = new LedgerSimulation(defaultOverdraftLimit);
    List<LedgerCommand> sent = new ArrayList<>();
    Set<String> forgedTransactions = new HashSet<>();

    for (Action action : actions) {
      LedgerCommand command = action.command(ledger, sent);
      if (command == null) {
        continue;
      }
      if (action.kind() == Kind.NEW && action.origin() == Origin.FORGED) {
        forgedTransactions.add(command.transactionId());
      }
      boolean seenBefore = ledger.processed.containsKey(command.deduplicationKey());
      Map<String, AccountState> before = new HashMap<>(ledger.accounts);

      Decision decision = ledger.apply(command);

      sent.add(command);
      if (seenBefore) {
        assertThat(decision.duplicate()).as("a repeat is a duplicate").isTrue();
        assertThat(ledger.accounts).as("a repeat changes nothing").isEqualTo(before);
      }
      assertMoneyConserved(ledger);
    }
    ledger.settle();

    assertMoneyConserved(ledger);
    assertThat(transit(ledger)).as("nothing left in transit once every leg arrived")
        .allSatisfy((currency, amount) -> assertThat(amount).isZero());
    assertEveryTransactionEndedOnce(ledger);
    assertEachAccountsEventsFoldToItsState(ledger);
    assertForgedCommandsNeverMovedMoney(ledger, forgedTransactions);
  }

  /**
   * A forged command is refused (NOT_AUTHORIZED, or an earlier reason about the account itself),
   * or for a charge by someone who does not own the destination, debited and reversed: it changes
   * no account, no balance, and moves no money in the end. Honest commands are never refused as
   * unauthorised, except a charge whose wallet turned out to be a merchant's account: only a
   * customer's wallet may be charged.
   */
  private static void assertForgedCommandsNeverMovedMoney(LedgerSimulation ledger, Set<String> forged) {
    Map<String, List<LedgerEvent>> byTransaction = ledger.events.stream()
        .collect(Collectors.groupingBy(LedgerEvent::transactionId));
    byTransaction.forEach((transactionId, events) -> {
      if (!forged.contains(transactionId)) {
        assertThat(events).as("honest transaction %s", transactionId)
            .filteredOn(event -> !(event.transactionType() == CommandType.CHARGE
                && event.accountKind() == AccountKind.MERCHANT && event.type() == EventType.REJECTED))
            .extracting(LedgerEvent::reason).doesNotContain(RejectionReason.NOT_AUTHORIZED);
        return;
      }
      assertThat(events).as("forged transaction %s", transactionId).allSatisfy(event -> {
        assertThat(event.type()).isIn(EventType.REJECTED, EventType.TRANSFER_DEBITED, EventType.TRANSFER_REVERSED);
        boolean charge = event.transactionType() == CommandType.CHARGE;
        if (event.type() == EventType.TRANSFER_DEBITED) {
          assertThat(charge).as("only a charge debits before the credit is checked").isTrue();
        } else if (charge && event.reason() == RejectionReason.INSUFFICIENT_FUNDS) {
          // Any merchant may charge any wallet, so a forged charge may fail at the wallet first.
          assertThat(event.type()).isEqualTo(EventType.REJECTED);
        } else {
          assertThat(event.reason()).isIn(FORGERY_OUTCOMES);
        }
      });
      assertThat(events.stream().mapToLong(LedgerEvent::balanceDelta).sum())
          .as("money moved by forged transaction %s", transactionId).isZero();
    });
  }

  /**
   * Accounts, transit and the outside world sum to zero, and what is in transit is exactly the
   * money of the legs still travelling.
   */
  private static void assertMoneyConserved(LedgerSimulation ledger) {
    Map<String, Long> transit = transit(ledger);
    for (String currency : CURRENCIES) {
      long accounts = ledger.accounts.values().stream()
          .filter(account -> account.currency().equals(currency))
          .mapToLong(AccountState::balance).sum();
      long system = ledger.events.stream().filter(event -> event.currency().equals(currency))
          .mapToLong(LedgerEvent::systemDelta).sum();
      long inTransit = transit.getOrDefault(currency, 0L);
      long travelling = ledger.inFlight.stream().filter(leg -> leg.currency().equals(currency))
          .mapToLong(LedgerCommand::amount).sum();
      assertThat(accounts + inTransit + system).as("sum over %s", currency).isZero();
      assertThat(inTransit).as("%s in transit", currency).isEqualTo(travelling);
    }
  }

  private static Map<String, Long> transit(LedgerSimulation ledger) {
    return ledger.events.stream().collect(Collectors.groupingBy(LedgerEvent::currency,
        Collectors.summingLong(LedgerEvent::transitDelta)));
  }

  /** One event per one-account command; a transfer is rejected, credited, or reversed: once. */
  private static void assertEveryTransactionEndedOnce(LedgerSimulation ledger) {
    Map<String, List<EventType>> byTransaction = ledger.events.stream().collect(Collectors.groupingBy(
        LedgerEvent::transactionId, Collectors.mapping(LedgerEvent::type, Collectors.toList())));
    for (LedgerEvent first : ledger.events) {
      List<EventType> outcome = byTransaction.get(first.transactionId());
      if (first.transactionType().isTwoLegged()) {
        assertThat(outcome).isIn(List.of(EventType.REJECTED),
            List.of(EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED),
            List.of(EventType.TRANSFER_DEBITED, EventType.TRANSFER_REVERSED));
      } else {
        assertThat(outcome).hasSize(1);
      }
    }
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
            Arbitraries.frequency(Tuple.of(3, CommandType.OPEN_ACCOUNT), Tuple.of(4, CommandType.DEPOSIT),
                Tuple.of(3, CommandType.WITHDRAWAL), Tuple.of(5, CommandType.TRANSFER),
                Tuple.of(3, CommandType.CHARGE), Tuple.of(1, CommandType.CLOSE_ACCOUNT),
                Tuple.of(1, CommandType.SET_OVERDRAFT_LIMIT)),
            Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
            Arbitraries.integers().between(0, ACCOUNTS.size()), // the last index: an unknown account
            amounts,
            Arbitraries.frequency(Tuple.of(9, "EUR"), Tuple.of(1, "USD")),
            Arbitraries.frequency(Tuple.of(14, Origin.OWNER), Tuple.of(2, Origin.OLDER_GATEWAY),
                Tuple.of(4, Origin.FORGED)),
            Arbitraries.of(Role.class))
        .as((type, account, other, amount, currency, origin, anyRole) ->
            new Action(Kind.NEW, type, account, other, amount, currency, origin, anyRole));
    Arbitrary<Action> deliver = Arbitraries.integers().between(0, 1_000)
        .map(index -> new Action(Kind.DELIVER, null, index, 0, 0, null, null, null));
    Arbitrary<Action> repeat = Arbitraries.integers().between(0, 1_000)
        .map(index -> new Action(Kind.REPEAT, null, index, 0, 0, null, null, null));
    return Arbitraries.frequencyOf(Tuple.of(6, fresh), Tuple.of(3, deliver), Tuple.of(1, repeat))
        .list().ofMaxSize(150);
  }

  enum Kind { NEW, DELIVER, REPEAT }

  /** Who sends a new command. */
  enum Origin {
    /** The account's owner (or the operator) in the role the command needs. */
    OWNER,
    /** The owner, through a gateway that sets no role: it counts as a customer's command. */
    OLDER_GATEWAY,
    /** Someone who may not do this: a stranger, or the owner in the wrong role. */
    FORGED
  }

  /**
   * A new command, the delivery of a leg in flight, or a repeat of anything sent before.
   *
   * @param anyRole a role for a forged command to claim (adjusted when it happens to be the right one)
   */
  record Action(Kind kind, CommandType type, int account, int other, long amount, String currency,
      Origin origin, Role anyRole) {

    /** The command to apply now, or null when there is nothing to deliver or repeat. */
    LedgerCommand command(LedgerSimulation ledger, List<LedgerCommand> sent) {
      return switch (kind) {
        case DELIVER -> ledger.inFlight.isEmpty() ? null : ledger.inFlight.remove(account % ledger.inFlight.size());
        case REPEAT -> sent.isEmpty() ? null : sent.get(account % sent.size());
        case NEW -> fresh();
      };
    }

    private LedgerCommand fresh() {
      String transactionId = id();
      String accountId = ACCOUNTS.get(account);
      String otherId = other < ACCOUNTS.size() ? ACCOUNTS.get(other) : UUID.nameUUIDFromBytes(new byte[] {7}).toString();
      boolean forged = origin == Origin.FORGED;
      String initiator = forged ? STRANGER : ownerOf(account);
      Role customer = origin == Origin.OLDER_GATEWAY ? null : Role.CUSTOMER;
      Role role = forged ? anyRole : customer;
      return switch (type) {
        case OPEN_ACCOUNT -> open(transactionId, accountId);
        case DEPOSIT, WITHDRAWAL -> LedgerCommand.movement(transactionId, type, accountId, initiator,
            amount, currency, null, "fp", NOW).byRole(role);
        case TRANSFER -> accountId.equals(otherId) ? null : LedgerCommand.debitLeg(transactionId,
            type, accountId, otherId, initiator, amount, currency, null, "fp", NOW).byRole(role);
        case CHARGE -> accountId.equals(otherId) ? null : charge(transactionId, accountId, otherId);
        case CLOSE_ACCOUNT -> LedgerCommand.closeAccount(transactionId, accountId, initiator, currency, "fp", NOW)
            .byRole(role);
        case SET_OVERDRAFT_LIMIT -> LedgerCommand.setOverdraftLimit(transactionId, accountId,
            forged ? ownerOf(account) : "operator", currency, amount % 700, "fp", NOW)
            .byRole(forged ? wrongRole(Role.OPERATOR) : Role.OPERATOR);
      };
    }

    /** The owner opens it; a forged opening claims a role that may not open this kind. */
    private LedgerCommand open(String transactionId, String accountId) {
      AccountKind kind = other % 3 == 0 ? AccountKind.MERCHANT : AccountKind.CUSTOMER;
      Role right = kind == AccountKind.MERCHANT ? Role.MERCHANT : Role.CUSTOMER;
      Role role = switch (origin) {
        case OWNER -> right;
        case OLDER_GATEWAY -> kind == AccountKind.CUSTOMER ? null : right;
        case FORGED -> wrongRole(right);
      };
      return LedgerCommand.openAccount(transactionId, accountId, ownerOf(account), kind, currency, "fp", NOW)
          .byRole(role);
    }

    /**
     * The destination's owner charges as a merchant; forged, either a stranger claims to be a
     * merchant (the debit passes, the credit must not) or the owner claims another role.
     */
    private LedgerCommand charge(String transactionId, String walletId, String merchantAccountId) {
      boolean forged = origin == Origin.FORGED;
      String initiator = forged && anyRole == Role.MERCHANT ? STRANGER : ownerOf(other);
      Role role = forged && anyRole != Role.MERCHANT ? anyRole : Role.MERCHANT;
      return LedgerCommand.debitLeg(transactionId, CommandType.CHARGE, walletId, merchantAccountId, initiator,
          amount, currency, null, "fp", NOW).byRole(role);
    }

    private Role wrongRole(Role right) {
      return anyRole != right ? anyRole : Role.values()[(right.ordinal() + 1) % Role.values().length];
    }
  }

  /** Every account index (the unknown one too) has one owner, who opens it. */
  private static String ownerOf(int accountIndex) {
    return "owner-" + accountIndex;
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
