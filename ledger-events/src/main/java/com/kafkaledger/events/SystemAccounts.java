package com.kafkaledger.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The per-currency accounts that make the books balance: the system account stands for the
 * outside world (deposits come from it, withdrawals go to it), the transit account holds money
 * between the two legs of a transfer. With them, the sum over all accounts of a currency is zero
 * at every moment.
 */
public final class SystemAccounts {

  private SystemAccounts() {}

  /** A stable id, the same in every service and every run. */
  public static String idFor(String currency) {
    return uuid("ledger-system-account:" + currency);
  }

  public static String transitIdFor(String currency) {
    return uuid("ledger-transit-account:" + currency);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
