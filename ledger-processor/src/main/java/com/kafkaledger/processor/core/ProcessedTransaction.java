package com.kafkaledger.processor.core;

/**
 * A command the ledger has already decided, remembered so that a repeat changes nothing.
 *
 * @param deduplicationKey the transaction id, with the leg for the later legs of a transfer
 * @param fingerprint the request digest of the first command, to tell a retry from a conflicting
 *     reuse of the same idempotency key
 * @param eventId the outcome event, or null when the decision was only a follow-up command
 */
public record ProcessedTransaction(String deduplicationKey, String fingerprint, String eventId) {}
