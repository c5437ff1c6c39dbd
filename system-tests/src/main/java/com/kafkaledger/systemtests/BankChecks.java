package com.kafkaledger.systemtests;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.systemtests.Workload.Accepted;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What must hold once everything is quiet, checked against the event log (read_committed), what the
 * clients were told, and the view's tables. Each check counts its violations and keeps a few examples.
 */
final class BankChecks {

  private static final int EXAMPLES = 5;

  record Check(String name, long violations, String counts, List<String> examples) {

    String line() {
      return String.format("check %-10s %d violations (%s)%s", name + ":", violations, counts,
          examples.isEmpty() ? "" : System.lineSeparator() + "    e.g. " + String.join(System.lineSeparator()
              + "    e.g. ", examples));
    }
  }

  /** An account's events folded: where its balance ends and whether every step was allowed. */
  record Fold(String accountId, String currency, AccountKind kind, long balance, long lastSequence,
      long overdraftLimit, long entries) {}

  private final List<LedgerEvent> events;
  private final List<Accepted> accepted;
  private final Map<String, String> statusSeenByClient;
  private final Map<String, List<LedgerEvent>> eventsByTransaction;
  private final Map<String, Fold> folds = new LinkedHashMap<>();

  BankChecks(List<LedgerEvent> events, List<Accepted> accepted, Map<String, String> statusSeenByClient) {
    this.events = events;
    this.accepted = accepted;
    this.statusSeenByClient = statusSeenByClient;
    this.eventsByTransaction = events.stream().collect(Collectors.groupingBy(LedgerEvent::transactionId));
  }

  /** Balances never below minus the limit, each event's balance the fold of the ones before, gap-free. */
  Check sequences() {
    Violations violations = new Violations();
    Map<String, List<LedgerEvent>> byAccount = events.stream().filter(event -> event.sequence() > 0)
        .collect(Collectors.groupingBy(LedgerEvent::accountId, LinkedHashMap::new, Collectors.toList()));
    long steps = 0;
    for (List<LedgerEvent> history : byAccount.values()) {
      long balance = 0;
      long expectedSequence = 1;
      LedgerEvent last = null;
      for (LedgerEvent event : history) {
        steps++;
        balance += event.balanceDelta();
        if (event.sequence() != expectedSequence) {
          violations.add("account %s: sequence %d where %d was next", event.accountId(), event.sequence(),
              expectedSequence);
        }
        if (!Objects.equals(event.balanceAfter(), balance)) {
          violations.add("account %s seq %d: balanceAfter %s but its events add up to %d", event.accountId(),
              event.sequence(), event.balanceAfter(), balance);
        }
        if (balance < -event.overdraftLimit()) {
          violations.add("account %s seq %d: balance %d below minus its overdraft limit %d", event.accountId(),
              event.sequence(), balance, event.overdraftLimit());
        }
        expectedSequence = event.sequence() + 1;
        last = event;
      }
      folds.put(last.accountId(), new Fold(last.accountId(), last.currency(), last.accountKind(), balance,
          last.sequence(), last.overdraftLimit(), history.size()));
    }
    return violations.check("accounts", byAccount.size() + " accounts, " + steps
        + " events folded; gap-free sequences, balanceAfter = fold, never below -overdraft limit");
  }

  /** Sum zero per currency, nothing in flight, and the customers hold what deposits minus withdrawals say. */
  Check books() {
    Violations violations = new Violations();
    Map<String, long[]> sums = new TreeMap<>(); // accounts, system, transit
    for (LedgerEvent event : events) {
      if (event.currency() == null) {
        continue;
      }
      long[] sum = sums.computeIfAbsent(event.currency(), currency -> new long[3]);
      sum[0] += event.balanceDelta();
      sum[1] += event.systemDelta();
      sum[2] += event.transitDelta();
    }
    Map<String, Long> clientsExpect = new TreeMap<>();
    for (Accepted request : accepted) {
      if ("COMPLETED".equals(statusSeenByClient.get(request.transactionId()))) {
        long sign = switch (request.type()) {
          case "DEPOSIT" -> 1;
          case "WITHDRAWAL" -> -1;
          default -> 0;
        };
        clientsExpect.merge(request.currency(), sign * request.amount(), Long::sum);
      }
    }
    List<String> counts = new ArrayList<>();
    for (var entry : sums.entrySet()) {
      long[] sum = entry.getValue();
      long expected = clientsExpect.getOrDefault(entry.getKey(), 0L);
      counts.add(String.format("%s accounts %d system %d in flight %d, deposits-withdrawals %d", entry.getKey(),
          sum[0], sum[1], sum[2], expected));
      if (sum[0] + sum[1] + sum[2] != 0) {
        violations.add("%s does not sum to 0: %d", entry.getKey(), sum[0] + sum[1] + sum[2]);
      }
      if (sum[2] != 0) {
        violations.add("%s: %d still in flight at quiescence", entry.getKey(), sum[2]);
      }
      if (sum[0] != expected) {
        violations.add("%s: accounts hold %d, the clients' completed deposits minus withdrawals are %d",
            entry.getKey(), sum[0], expected);
      }
    }
    return violations.check("books", String.join("; ", counts));
  }

  /** Exactly one outcome per accepted request, none applied twice, every failed credit reversed. */
  Check outcomes() {
    Violations violations = new Violations();
    Map<String, Integer> shapes = new TreeMap<>();
    Set<String> requested = accepted.stream().map(Accepted::transactionId).collect(Collectors.toSet());
    for (Accepted request : accepted) {
      List<LedgerEvent> outcome = eventsByTransaction.getOrDefault(request.transactionId(), List.of());
      String derived = statusOf(request.type(), outcome);
      shapes.merge(request.type() + " " + (derived == null ? "INVALID" : derived), 1, Integer::sum);
      if (derived == null) {
        violations.add("%s %s has the events %s", request.type(), request.transactionId(),
            outcome.stream().map(event -> event.type() + "@" + event.accountId()).toList());
      } else if (!derived.equals(statusSeenByClient.get(request.transactionId()))) {
        violations.add("%s %s is %s in the log but the client sees %s", request.type(), request.transactionId(),
            derived, statusSeenByClient.get(request.transactionId()));
      }
    }
    eventsByTransaction.keySet().stream().filter(id -> !requested.contains(id))
        .forEach(id -> violations.add("transaction %s has events but no client was answered 202 for it", id));
    return violations.check("outcomes", accepted.size() + " accepted requests: " + shapes.entrySet().stream()
        .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", ")));
  }

  /**
   * COMPLETED or REJECTED when the events are exactly one allowed outcome, otherwise null: a movement
   * applied twice, a debit never credited nor reversed, or nothing at all are all invalid.
   */
  static String statusOf(String type, List<LedgerEvent> outcome) {
    List<EventType> types = outcome.stream().map(LedgerEvent::type).sorted().toList();
    if (types.equals(List.of(EventType.REJECTED))) {
      return "REJECTED";
    }
    EventType success = switch (type) {
      case "OPEN_ACCOUNT" -> EventType.ACCOUNT_OPENED;
      case "DEPOSIT" -> EventType.DEPOSITED;
      case "WITHDRAWAL" -> EventType.WITHDRAWN;
      case "SET_OVERDRAFT_LIMIT" -> EventType.OVERDRAFT_LIMIT_SET;
      case "TRANSFER", "CHARGE" -> null;
      default -> throw new IllegalArgumentException(type);
    };
    if (success != null) {
      return types.equals(List.of(success)) ? "COMPLETED" : null;
    }
    if (types.equals(List.of(EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED))) {
      return "COMPLETED";
    }
    return types.equals(List.of(EventType.TRANSFER_DEBITED, EventType.TRANSFER_REVERSED)) ? "REJECTED" : null;
  }

  /** The view's tables equal the fold, its statuses the log's, and its reconciliation says balanced. */
  Check view(Connection database, JsonNode reconciliation) throws SQLException {
    Violations violations = new Violations();
    Map<String, long[]> counterSums = new HashMap<>();
    for (LedgerEvent event : events) {
      if (event.systemDelta() != 0 || event.transitDelta() != 0) {
        counterSums.merge(event.ledgerCounterAccountId(),
            new long[] {event.systemDelta() + event.transitDelta()}, (a, b) -> new long[] {a[0] + b[0]});
      }
    }
    int rows = 0;
    Set<String> seen = new HashSet<>();
    try (Statement statement = database.createStatement();
        ResultSet row = statement.executeQuery("""
            SELECT a.account_id::text AS id, a.kind, a.balance, a.version, a.overdraft_limit,
                   (SELECT count(*) FROM account_entries e WHERE e.account_id = a.account_id) AS entries
            FROM accounts a""")) {
      while (row.next()) {
        rows++;
        String id = row.getString("id");
        seen.add(id);
        long balance = row.getLong("balance");
        String kind = row.getString("kind");
        if (kind.equals(AccountKind.CUSTOMER.name()) || kind.equals(AccountKind.MERCHANT.name())) {
          Fold fold = folds.get(id);
          if (fold == null) {
            violations.add("the view has account %s, the log has no events of it", id);
          } else if (fold.balance() != balance || fold.lastSequence() != row.getLong("version")
              || fold.overdraftLimit() != row.getLong("overdraft_limit") || fold.entries() != row.getLong("entries")) {
            violations.add("account %s: view balance %d version %d limit %d entries %d, log %s", id, balance,
                row.getLong("version"), row.getLong("overdraft_limit"), row.getLong("entries"), fold);
          }
        } else {
          long expected = counterSums.getOrDefault(id, new long[1])[0];
          if (expected != balance) {
            violations.add("%s account %s: view %d, log %d", kind, id, balance, expected);
          }
        }
      }
    }
    folds.keySet().stream().filter(id -> !seen.contains(id))
        .forEach(id -> violations.add("account %s is in the log but not in the view", id));
    int statuses = 0;
    Map<String, Accepted> acceptedById = accepted.stream()
        .collect(Collectors.toMap(Accepted::transactionId, request -> request, (first, second) -> first));
    try (Statement statement = database.createStatement();
        ResultSet row = statement.executeQuery("SELECT transaction_id::text AS id, status FROM transactions")) {
      while (row.next()) {
        String id = row.getString("id");
        Accepted request = acceptedById.get(id);
        if (request == null) {
          continue; // counted by the outcomes check
        }
        statuses++;
        String derived = statusOf(request.type(), eventsByTransaction.getOrDefault(id, List.of()));
        if (!Objects.equals(derived, row.getString("status"))) {
          violations.add("transaction %s: view says %s, the log %s", id, row.getString("status"), derived);
        }
      }
    }
    boolean balanced = reconciliation.get("balanced").asBoolean();
    if (!balanced) {
      violations.add("the reconciliation endpoint says the books do not balance: %s", reconciliation);
    }
    for (JsonNode currency : reconciliation.get("currencies")) {
      if (!currency.get("viewCaughtUp").asBoolean() || !currency.get("matchesLedger").asBoolean(false)) {
        violations.add("reconciliation of %s: %s", currency.get("currency").asString(), currency);
      }
    }
    return violations.check("view", rows + " account rows and " + statuses
        + " transactions equal the log; reconciliation balanced=" + balanced);
  }

  private static final class Violations {

    private long count;
    private final List<String> examples = new ArrayList<>();

    void add(String format, Object... arguments) {
      count++;
      if (examples.size() < EXAMPLES) {
        examples.add(String.format(format, arguments));
      }
    }

    Check check(String name, String counts) {
      return new Check(name, count, counts, examples);
    }
  }
}
