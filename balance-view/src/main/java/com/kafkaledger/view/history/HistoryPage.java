package com.kafkaledger.view.history;

import java.util.List;

/** @param nextCursor passes to the next request for the older items; null on the last page */
record HistoryPage(List<HistoryItem> items, String nextCursor) {}
