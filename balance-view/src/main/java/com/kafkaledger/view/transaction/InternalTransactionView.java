package com.kafkaledger.view.transaction;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A transaction with what only the gateway needs, for its idempotency check: the same key with
 * another request body (another fingerprint) is refused.
 *
 * @param fingerprint digest of the request body; null until the command has been read
 * @param initiatorId who asked for the transaction
 */
record InternalTransactionView(@JsonUnwrapped TransactionView transaction, String fingerprint,
    String initiatorId) {}
