package com.kafkaledger.view.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Topics;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReconciliationApiTest extends BalanceViewIntegrationTest {

  // what the mixed events below leave in the books
  private static final long CUSTOMERS = 700;
  private static final long MERCHANTS = 150;
  private static final long SYSTEM = -900;
  private static final long IN_FLIGHT = 50;

  private String currency;

  /**
   * Alice deposits 1000 and withdraws 100, pays Bob 200, is charged 150 by a shop, has 50 in
   * flight to Bob and 25 reversed; a rejection, an overdraft limit and a closed account move
   * nothing.
   */
  @BeforeEach
  void mixedEvents() {
    TestAccount alice = TestAccount.inNewCurrency();
    currency = alice.currency;
    TestAccount bob = TestAccount.of("owner-" + UUID.randomUUID(), currency);
    TestAccount carol = TestAccount.of("owner-" + UUID.randomUUID(), currency);
    TestAccount shop = TestAccount.merchant("shop-" + UUID.randomUUID(), currency);
    String transfer = TestAccount.newTransactionId();
    String charge = TestAccount.newTransactionId();
    String inFlight = TestAccount.newTransactionId();
    String reversal = TestAccount.newTransactionId();
    project(alice.opened(), bob.opened(), carol.opened(), shop.opened(),
        alice.deposited(1_000), alice.withdrawn(100),
        alice.debited(transfer, CommandType.TRANSFER, bob, 200, null),
        bob.credited(transfer, CommandType.TRANSFER, alice, 200, null),
        shop.credited(charge, CommandType.CHARGE, alice, 150, "order 7"),
        alice.debited(charge, CommandType.CHARGE, shop, 150, "order 7"),
        alice.debited(inFlight, CommandType.TRANSFER, bob, 50, null),
        alice.debited(reversal, CommandType.TRANSFER, carol, 25, null),
        alice.reversed(reversal, CommandType.TRANSFER, carol, 25, RejectionReason.ACCOUNT_CLOSED),
        alice.rejectedWithdrawal(10_000, RejectionReason.INSUFFICIENT_FUNDS),
        bob.overdraftLimitSet(100),
        carol.deposited(30), carol.withdrawn(30), carol.closed());
  }

  @Test
  void booksBalanceAfterMixedEvents() {
    Map<String, Object> books = reconciliation();

    assertThat(books).containsEntry("balanced", true);
    assertThat(Instant.parse((String) books.get("asOf"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(currencyIn(books)).isEqualTo(entry(null, false, null));
  }

  @Test
  void matchesTheLedgerWhenItsTotalsAgree() {
    long ledgerEvents = publishLedgerTotals(CUSTOMERS + MERCHANTS, 0, Instant.now());

    await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(currencyIn(reconciliation()))
        .isEqualTo(entry(ledger(CUSTOMERS + MERCHANTS, ledgerEvents), true, true)));
  }

  @Test
  void contradictsTheLedgerWhenItsTotalsDisagree() {
    Instant asOf = Instant.now();
    long ledgerEvents = publishLedgerTotals(CUSTOMERS + MERCHANTS + 1, 0, asOf);

    await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
      Map<String, Object> books = reconciliation();
      assertThat(books).containsEntry("balanced", false);
      assertThat(currencyIn(books))
          .isEqualTo(entry(ledger(CUSTOMERS + MERCHANTS + 1, ledgerEvents), true, false));
    });

    // the ledger's next publication agrees again, and so does the view
    publishLedgerTotals(CUSTOMERS + MERCHANTS, 0, asOf.plusSeconds(1));
    await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
      Map<String, Object> books = reconciliation();
      assertThat(books).containsEntry("balanced", true);
      assertThat(currencyIn(books)).containsEntry("matchesLedger", true);
    });
  }

  @Test
  void undecidedWhileTheViewIsBehindTheLedgersTotals() {
    // the ledger has emitted an event the view has not projected yet
    long ledgerEvents = publishLedgerTotals(CUSTOMERS + MERCHANTS + 5, 1, Instant.now());

    await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
      Map<String, Object> books = reconciliation();
      assertThat(books).containsEntry("balanced", true);
      assertThat(currencyIn(books))
          .isEqualTo(entry(ledger(CUSTOMERS + MERCHANTS + 5, ledgerEvents), false, null));
    });
  }

  /**
   * Publishes this currency's totals for every partition, each with the events the view has
   * projected from it (plus {@code eventsAhead} in partition 0); all the money in partition 0.
   * Returns the events summed over the partitions.
   */
  private long publishLedgerTotals(long accounts, long eventsAhead, Instant asOf) {
    Map<Integer, Long> projected = new HashMap<>();
    jdbc.query("SELECT partition, records_projected FROM projection_offsets WHERE topic = ?",
        row -> {
          projected.put(row.getInt("partition"), row.getLong("records_projected"));
        }, Topics.EVENTS);
    long sum = 0;
    for (int partition = 0; partition < TestInfrastructure.PARTITIONS; partition++) {
      long events = projected.getOrDefault(partition, 0L) + (partition == 0 ? eventsAhead : 0);
      boolean holdsTheMoney = partition == 0;
      topics.publishTotals(new LedgerTotals(partition, currency, holdsTheMoney ? accounts : 0,
          holdsTheMoney ? IN_FLIGHT : 0, holdsTheMoney ? -accounts - IN_FLIGHT : 0, events, asOf));
      sum += events;
    }
    return sum;
  }

  /** What the API answers for this test's currency. */
  private Map<String, Object> entry(Map<String, Object> ledger, boolean viewCaughtUp, Boolean matchesLedger) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("currency", currency);
    entry.put("customerAccounts", (int) CUSTOMERS);
    entry.put("merchantAccounts", (int) MERCHANTS);
    entry.put("systemAccount", (int) SYSTEM);
    entry.put("inFlight", (int) IN_FLIGHT);
    entry.put("total", 0);
    entry.put("balanced", true);
    entry.put("ledger", ledger);
    entry.put("viewCaughtUp", viewCaughtUp);
    entry.put("matchesLedger", matchesLedger);
    return entry;
  }

  private static Map<String, Object> ledger(long accounts, long events) {
    return Map.of("accounts", (int) accounts, "inFlight", (int) IN_FLIGHT,
        "system", (int) (-accounts - IN_FLIGHT), "events", (int) events);
  }

  private Map<String, Object> reconciliation() {
    byte[] body = api.get().uri("/api/v1/admin/reconciliation").exchange()
        .expectStatus().isOk()
        .expectBody().returnResult().getResponseBody();
    return JsonPath.read(new String(body, StandardCharsets.UTF_8), "$");
  }

  private Map<String, Object> currencyIn(Map<String, Object> books) {
    List<Map<String, Object>> entries = JsonPath.read(books, "$.currencies[?(@.currency == '" + currency + "')]");
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }
}
