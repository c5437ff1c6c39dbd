package com.kafkaledger.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-currency accounts that make the books balance: the system account stands for the
 * outside world (deposits come from it, withdrawals go to it), the transit account holds money
 * between the two legs of a transfer. With them, the sum over all accounts of a currency is zero
 * at every moment.
 */
public final class SystemAccounts {

  /**
   * Derived once per name: the ledger asks for an id on every movement, and each derivation is an
   * MD5 digest looked up in the security providers. Names are few (one of each per currency).
   */
  private static final Map<String, String> IDS = new ConcurrentHashMap<>();

  private SystemAccounts() {}

  /** A stable id, the same in every service and every run. */
  public static String idFor(String currency) {
    return IDS.computeIfAbsent("ledger-system-account:" + currency, SystemAccounts::uuid);
  }

  public static String transitIdFor(String currency) {
    return IDS.computeIfAbsent("ledger-transit-account:" + currency, SystemAccounts::uuid);
  }

  private static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
