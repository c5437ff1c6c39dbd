package com.kafkaledger.processor.core;

/**
 * A transaction the ledger has already decided, remembered so that a repeated command changes
 * nothing.
 *
 * @param fingerprint the request digest of the first command, to tell a retry from a conflicting
 *     reuse of the same idempotency key
 */
public record ProcessedTransaction(String transactionId, String fingerprint, String eventId) {}
