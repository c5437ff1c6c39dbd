package com.kafkaledger.processor.core;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import java.util.regex.Pattern;

/** What a command must look like for the ledger to decide it at all; never trust the topic. */
public final class CommandRules {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private CommandRules() {}

  /** Why the command breaks the contract, or null when it does not. */
  public static String refusal(LedgerCommand command) {
    if (command.schemaVersion() != LedgerCommand.SCHEMA_VERSION) {
      return "unsupported schemaVersion " + command.schemaVersion();
    }
    if (!isUuid(command.transactionId())) {
      return "transactionId is not a UUID (8-4-4-4-12 hexadecimal digits)";
    }
    if (!CURRENCY.matcher(command.currency()).matches()) {
      return "currency is not an ISO 4217 code";
    }
    CommandType type = command.type();
    if (movesMoney(type) && !withinLimits(command.amount())) {
      return "amount must be 1.." + LedgerCore.MAX_AMOUNT;
    }
    if (type.isTwoLegged() && (command.leg() == null || command.counterpartyAccountId() == null)) {
      return type + " needs a leg and a counterparty account";
    }
    if (type.isTwoLegged() && command.counterpartyAccountId().equals(command.accountId())) {
      return type + " needs two different accounts";
    }
    if (!type.isTwoLegged() && command.leg() != null) {
      return type + " has no legs";
    }
    if (command.description() != null && command.description().indexOf(0) >= 0) {
      return "description contains U+0000, which no PostgreSQL text (the view) can hold";
    }
    Long limit = command.overdraftLimit();
    if (type == CommandType.SET_OVERDRAFT_LIMIT && (limit == null || limit < 0 || limit > LedgerCore.MAX_AMOUNT)) {
      return "overdraftLimit must be 0.." + LedgerCore.MAX_AMOUNT;
    }
    return null;
  }

  /**
   * The contract's {@code "format": "uuid"}: 36 characters, hyphens at 8, 13, 18 and 23, hexadecimal
   * digits elsewhere. The processed-transactions store relies on it (see LedgerRocksDbConfig).
   */
  static boolean isUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean valid = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
      if (!valid) {
        return false;
      }
    }
    return true;
  }

  private static boolean movesMoney(CommandType type) {
    return type == CommandType.DEPOSIT || type == CommandType.WITHDRAWAL || type.isTwoLegged();
  }

  private static boolean withinLimits(Long amount) {
    return amount != null && amount >= 1 && amount <= LedgerCore.MAX_AMOUNT;
  }
}
