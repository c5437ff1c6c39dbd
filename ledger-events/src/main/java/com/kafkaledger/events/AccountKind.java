package com.kafkaledger.events;

/** Who an account belongs to. SYSTEM and TRANSIT accounts are per currency and ledger-wide. */
public enum AccountKind {
  CUSTOMER,
  MERCHANT,
  /** The outside world: deposits come from it, withdrawals go to it. */
  SYSTEM,
  /** Money debited from one account and not yet credited to (or returned from) the other. */
  TRANSIT
}
