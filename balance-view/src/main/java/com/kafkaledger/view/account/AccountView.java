package com.kafkaledger.view.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as the API shows it.
 *
 * @param kind CUSTOMER or MERCHANT; SYSTEM and TRANSIT for the per-currency counter accounts
 * @param availableBalance what can still be spent: the balance plus the overdraft limit
 * @param status OPEN or CLOSED
 * @param version the sequence of the account's last event
 */
record AccountView(
    UUID accountId,
    String ownerId,
    String kind,
    String currency,
    long balance,
    long overdraftLimit,
    long availableBalance,
    String status,
    long version,
    Instant updatedAt) {}
