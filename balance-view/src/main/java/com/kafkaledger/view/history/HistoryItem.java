package com.kafkaledger.view.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One event in an account's history, rejected attempts included.
 *
 * @param type the transaction's type, e.g. DEPOSIT or TRANSFER
 * @param eventType what happened to the account, e.g. DEPOSITED, TRANSFER_DEBITED or REJECTED
 * @param status REJECTED for a rejected attempt, COMPLETED for every change to the account
 *     (a transfer's debit included, though the transfer itself may still be in transit)
 * @param reason why it was rejected, or why a transfer was reversed
 * @param counterpartyAccountId the system account for deposits and withdrawals, the other
 *     account for transfers and charges
 */
record HistoryItem(
    UUID transactionId,
    long sequence,
    String type,
    String eventType,
    String status,
    String reason,
    Long amount,
    String currency,
    Long balanceAfter,
    UUID counterpartyAccountId,
    String description,
    Instant occurredAt) {}
