package com.kafkaledger.view.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One event in an account's history, rejected attempts included.
 *
 * @param type the transaction's type, e.g. DEPOSIT
 * @param eventType what happened to the account, e.g. DEPOSITED or REJECTED
 * @param status COMPLETED or REJECTED
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
