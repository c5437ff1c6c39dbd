package com.kafkaledger.view.transaction;

import java.time.Instant;
import java.util.UUID;

/**
 * A transaction as clients see it.
 *
 * @param type OPEN_ACCOUNT, DEPOSIT, WITHDRAWAL, TRANSFER, CHARGE, CLOSE_ACCOUNT or SET_OVERDRAFT_LIMIT
 * @param status PENDING until the ledger's outcome is projected, then COMPLETED or REJECTED; a
 *     transfer or charge stays PENDING while its money is in transit
 * @param reason why it was rejected (or, for a transfer, reversed); null otherwise
 * @param amount null for transactions that move no money
 * @param completedAt when the ledger decided; null while PENDING
 */
record TransactionView(
    UUID transactionId,
    String type,
    String status,
    String reason,
    Long amount,
    String currency,
    UUID fromAccountId,
    UUID toAccountId,
    String description,
    Instant createdAt,
    Instant completedAt) {}
