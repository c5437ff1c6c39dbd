package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A poll writes each transaction's row once, whatever it holds of that transaction (both legs, a
 * leg read twice, the command published twice): the row must end where writing the same records
 * one at a time ends. The rows are written straight to the table, not through the topics, so they
 * are removed afterwards (RebuildTest compares whole tables).
 */
class TransactionRowsTest extends BalanceViewIntegrationTest {

  private final TestAccount source = TestAccount.inNewCurrency();
  private final TestAccount destination = TestAccount.of("destination-owner", source.currency);

  @Autowired
  private TransactionOutcomes outcomes;
  @Autowired
  private PendingTransactions pending;

  @AfterEach
  void removeRowsTheTopicsDoNotHave() {
    jdbc.update("DELETE FROM transactions WHERE currency = ?", source.currency);
  }

  @Test
  void oneRowPerTransactionAndPollEndsWhereTheRecordsOneByOneEnd() {
    for (String scenario : List.of("debit credit", "credit debit", "debit reversal reversal", "rejected",
        "debit", "credit debit credit")) {
      for (String command : List.of("before", "after", "none")) {
        String oneByOne = TestAccount.newTransactionId();
        List<LedgerEvent> events = events(oneByOne, scenario);
        LedgerCommand published = source.debitCommand(oneByOne, CommandType.TRANSFER, destination, 70, "rent");
        String inOnePoll = TestAccount.newTransactionId();

        // published twice; the second copy differs, to tell which one the row keeps
        LedgerCommand again = withFingerprint(published, "another fingerprint");
        if (command.equals("before")) {
          pending.record(List.of(published));
          pending.record(List.of(again));
          assertThat(pending.record(List.of(copy(published, inOnePoll), copy(again, inOnePoll)))).isEqualTo(2);
        }
        events.forEach(event -> outcomes.finish(List.of(event)));
        outcomes.finish(events.stream().map(event -> copy(event, inOnePoll)).toList());
        if (command.equals("after")) {
          pending.record(List.of(published));
          pending.record(List.of(again));
          pending.record(List.of(copy(published, inOnePoll), copy(again, inOnePoll)));
        }

        assertThat(row(inOnePoll)).as("%s, command %s", scenario, command).isEqualTo(row(oneByOne));
      }
    }
  }

  @Test
  void bothLegsAndARepeatInOnePollCompleteTheTransfer() {
    String transactionId = TestAccount.newTransactionId();
    LedgerEvent debited = source.debited(transactionId, CommandType.TRANSFER, destination, 70, "rent");
    LedgerEvent credited = destination.credited(transactionId, CommandType.TRANSFER, source, 70, "rent");

    outcomes.finish(List.of(credited, debited, credited));

    Map<String, Object> row = row(transactionId);
    assertThat(row).containsEntry("status", "COMPLETED").containsEntry("amount", 70L)
        .containsEntry("from_account_id", UUID.fromString(source.id))
        .containsEntry("to_account_id", UUID.fromString(destination.id));
    assertThat(row.get("completed_at")).isEqualTo(java.sql.Timestamp.from(credited.occurredAt()));
    assertThat(row.get("created_at")).isEqualTo(java.sql.Timestamp.from(
        debited.occurredAt().isBefore(credited.occurredAt()) ? debited.occurredAt() : credited.occurredAt()));
  }

  private List<LedgerEvent> events(String transactionId, String scenario) {
    List<LedgerEvent> events = new ArrayList<>();
    LedgerEvent credit = null;
    LedgerEvent reversal = null;
    for (String kind : scenario.split(" ")) {
      events.add(switch (kind) {
        case "debit" -> source.debited(transactionId, CommandType.TRANSFER, destination, 70, "rent");
        case "credit" -> credit != null ? credit
            : (credit = destination.credited(transactionId, CommandType.TRANSFER, source, 70, "rent"));
        case "reversal" -> reversal != null ? reversal
            : (reversal = source.reversed(transactionId, CommandType.TRANSFER, destination, 70,
                RejectionReason.ACCOUNT_NOT_FOUND));
        default -> withTransactionId(source.rejectedWithdrawal(70, RejectionReason.INSUFFICIENT_FUNDS),
            transactionId);
      });
    }
    return events;
  }

  private static LedgerEvent copy(LedgerEvent event, String transactionId) {
    return withTransactionId(event, transactionId);
  }

  private static LedgerEvent withTransactionId(LedgerEvent e, String transactionId) {
    return new LedgerEvent(e.schemaVersion(), e.eventId(), transactionId, e.transactionType(), e.accountId(),
        e.sequence(), e.type(), e.amount(), e.currency(), e.balanceAfter(), e.overdraftLimit(),
        e.counterpartyAccountId(), e.reason(), e.description(), e.ownerId(), e.initiatorId(), e.occurredAt(),
        e.accountKind());
  }

  private static LedgerCommand copy(LedgerCommand c, String transactionId) {
    return new LedgerCommand(c.schemaVersion(), transactionId, c.type(), c.accountId(), c.initiatorId(),
        c.amount(), c.currency(), c.description(), c.fingerprint(), c.requestedAt(), c.leg(),
        c.counterpartyAccountId(), c.accountKind(), c.overdraftLimit(), c.reason(), c.initiatorRole());
  }

  private static LedgerCommand withFingerprint(LedgerCommand c, String fingerprint) {
    return new LedgerCommand(c.schemaVersion(), c.transactionId(), c.type(), c.accountId(), c.initiatorId(),
        c.amount(), c.currency(), c.description(), fingerprint, c.requestedAt(), c.leg(),
        c.counterpartyAccountId(), c.accountKind(), c.overdraftLimit(), c.reason(), c.initiatorRole());
  }

  private Map<String, Object> row(String transactionId) {
    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM transactions WHERE transaction_id = ?",
        UUID.fromString(transactionId));
    row.remove("transaction_id");
    return row;
  }
}
