package com.kafkaledger.view.transaction;

import java.time.Instant;
import java.util.UUID;

/**
 * A transaction as clients see it.
 *
 * @param type OPEN_ACCOUNT, DEPOSIT or WITHDRAWAL
 * @param status PENDING until the ledger's event is projected, then COMPLETED or REJECTED
 * @param reason why it was rejected; null otherwise
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
