package com.kafkaledger.view.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One page of an account's history, newest first.
 *
 * @param beforeSequence only entries older than this; null for the newest page
 * @param from only entries that occurred at or after this; null for no lower bound
 * @param to only entries that occurred before this; null for no upper bound
 * @param status only entries with this outcome; null for all
 */
record HistoryQuery(UUID accountId, int limit, Long beforeSequence, Instant from, Instant to,
    EntryStatus status) {}
