package com.kafkaledger.view.projection;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the projection needs of a value beyond being JSON. A value without it is skipped with a
 * log line rather than retried forever: it will not get better by retrying.
 */
final class ContractChecks {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Set<EventType> TRANSFER_LEGS =
      EnumSet.of(EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED, EventType.TRANSFER_REVERSED);
  private static final Set<EventType> MOVEMENTS = EnumSet.of(EventType.DEPOSITED, EventType.WITHDRAWN,
      EventType.TRANSFER_DEBITED, EventType.TRANSFER_CREDITED, EventType.TRANSFER_REVERSED);
  // the ledger-wide kinds are the view's own rows, never an event's account
  private static final Set<AccountKind> EVENT_ACCOUNT_KINDS =
      EnumSet.of(AccountKind.CUSTOMER, AccountKind.MERCHANT);

  private ContractChecks() {}

  static void checkEvent(LedgerEvent event) {
    require(event.type() != null && event.transactionType() != null, "type and transactionType are required");
    uuid(event.eventId(), "eventId");
    uuid(event.transactionId(), "transactionId");
    uuid(event.accountId(), "accountId");
    if (event.counterpartyAccountId() != null) {
      uuid(event.counterpartyAccountId(), "counterpartyAccountId");
    }
    currency(event.currency());
    require(event.occurredAt() != null, "occurredAt is required");
    storableText(event.description());
    require(event.sequence() >= 1 || (event.sequence() == 0 && event.isRejection()),
        "sequence must be at least 1, or 0 for a rejection; was " + event.sequence());
    require(event.accountKind() == null || EVENT_ACCOUNT_KINDS.contains(event.accountKind()),
        "accountKind must be CUSTOMER or MERCHANT; was " + event.accountKind());
    checkWhatTheTypeNeeds(event);
  }

  static void checkCommand(LedgerCommand command) {
    uuid(command.transactionId(), "transactionId");
    uuid(command.accountId(), "accountId");
    currency(command.currency());
    storableText(command.description());
    if (command.type().isTwoLegged()) {
      uuid(command.counterpartyAccountId(), "counterpartyAccountId");
    }
  }

  static void checkTotals(LedgerTotals totals) {
    require(totals.partition() >= 0, "partition must be at least 0; was " + totals.partition());
    currency(totals.currency());
    require(totals.events() >= 0, "events must be at least 0; was " + totals.events());
    require(totals.asOf() != null, "asOf is required");
  }

  /** What the projection reads of each type: without it, it would fail on every retry. */
  private static void checkWhatTheTypeNeeds(LedgerEvent event) {
    if (MOVEMENTS.contains(event.type())) {
      require(event.amount() != null && event.amount() > 0, "a movement needs a positive amount");
      require(event.balanceAfter() != null, "a movement needs balanceAfter");
    }
    if (TRANSFER_LEGS.contains(event.type())) {
      require(event.transactionType().isTwoLegged(), event.type() + " of a " + event.transactionType());
      require(event.counterpartyAccountId() != null, "a transfer leg needs counterpartyAccountId");
    }
    if (event.type() == EventType.TRANSFER_REVERSED) {
      require(event.reason() != null, "a reversal needs its reason");
    }
    if (event.type() == EventType.OVERDRAFT_LIMIT_SET) {
      require(event.overdraftLimit() != null && event.overdraftLimit() >= 0,
          "OVERDRAFT_LIMIT_SET needs an overdraftLimit of at least 0");
    }
  }

  /**
   * The canonical form only: {@link UUID#fromString} also takes "1-1-1-1-1", which would file the
   * value under a different id than the one the ledger and the clients use.
   */
  private static void uuid(String value, String field) {
    require(value != null, field + " is required");
    UUID id;
    try {
      id = UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " is not a UUID: " + value, e);
    }
    require(id.toString().equals(value.toLowerCase(Locale.ROOT)), field + " is not a UUID: " + value);
  }

  // PostgreSQL's text cannot hold U+0000: storing it would fail the whole batch, again at every retry.
  private static void storableText(String description) {
    require(description == null || description.indexOf(0) < 0, "description contains U+0000");
  }

  private static void currency(String currency) {
    require(currency != null && CURRENCY.matcher(currency).matches(), "currency is not ISO 4217: " + currency);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
