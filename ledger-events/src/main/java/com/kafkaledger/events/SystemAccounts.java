package com.kafkaledger.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The per-currency system account standing for the outside world: deposits come from it and
 * withdrawals go to it, so the sum over all accounts of a currency is always zero.
 */
public final class SystemAccounts {

  private SystemAccounts() {}

  /** A stable id, the same in every service and every run. */
  public static String idFor(String currency) {
    return UUID.nameUUIDFromBytes(("ledger-system-account:" + currency).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
