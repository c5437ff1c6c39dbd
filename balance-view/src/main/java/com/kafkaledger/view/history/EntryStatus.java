package com.kafkaledger.view.history;

/** The outcomes a history can be filtered by. */
enum EntryStatus {
  COMPLETED,
  REJECTED
}
