package com.kafkaledger.processor.stream;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.processor.core.LedgerCore;

/** The ledger's own check of a command before the core sees it: never trust the topic. */
final class CommandIntake {

  private CommandIntake() {}

  /** Why the command cannot be applied, or null when it can. */
  static String refusal(String key, LedgerCommand command) {
    if (command == null) {
      return "no command";
    }
    if (!command.accountId().equals(key)) {
      return "record key " + key + " is not the command's account " + command.accountId();
    }
    if (command.schemaVersion() != LedgerCommand.SCHEMA_VERSION) {
      return "unsupported schemaVersion " + command.schemaVersion();
    }
    if (!command.currency().matches("[A-Z]{3}")) {
      return "currency is not an ISO 4217 code";
    }
    if (command.type() != CommandType.OPEN_ACCOUNT) {
      Long amount = command.amount();
      if (amount == null || amount < 1 || amount > LedgerCore.MAX_AMOUNT) {
        return "amount must be 1.." + LedgerCore.MAX_AMOUNT;
      }
    }
    return null;
  }
}
