package com.kafkaledger.processor.stream;

import com.kafkaledger.processor.core.ProcessedTransaction;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands one task has decided, remembered for as long as a retry may come: the
 * decided-transactions store (RocksDB, changelogged), keyed by the deduplication key and read by a
 * point look-up, with {@link DecidedIds}' filters in front of it and an expiry behind it.
 *
 * <p>A point look-up is a RocksDB get that its Bloom filters end for a new key. (A window store,
 * which drops old entries for free, can only be asked by seeking an iterator in each of its
 * segments, which cost twice the CPU of the rest of a command once the filters no longer covered
 * the task's ids.) The price is the expiry: entries older than the retention are found by a
 * scan, a bounded slice of the store at a time, and deleted, one changelog tombstone each.
 */
final class DecidedTransactions {

  private static final Logger log = LoggerFactory.getLogger(DecidedTransactions.class);
  /** Tolerated clock difference between gateway instances when looking up earlier decisions. */
  static final Duration CLOCK_SKEW = Duration.ofHours(1);
  /** Two bytes of heap each, at most 2 MB a task; beyond it the oldest are asked of the store. */
  static final long MAX_FILTERED_IDS_PER_TASK = 1 << 20;
  /** A scan of the store starts once its oldest entry is this far past the retention. */
  static final Duration EXPIRY_LAG = Duration.ofHours(1);
  /** Entries read per {@link #expireSome()}: a few milliseconds of the stream thread. */
  static final int EXPIRY_SLICE = 10_000;

  private final TaskId task;
  private final TimestampedKeyValueStore<String, ProcessedTransaction> store;
  private final long retention;
  private final LedgerMetrics metrics;
  private final int expirySlice;
  private final DecidedIds filters;
  private long newestTimestamp = Long.MIN_VALUE;
  /** No entry in the store is older than this (it may be older than every entry). */
  private long oldestTimestamp = Long.MAX_VALUE;
  private Scan scan;

  private DecidedTransactions(TaskId task, TimestampedKeyValueStore<String, ProcessedTransaction> store,
      Duration retention, LedgerMetrics metrics, int expirySlice) {
    this.task = task;
    this.store = store;
    this.retention = retention.toMillis();
    this.metrics = metrics;
    this.expirySlice = expirySlice;
    this.filters = new DecidedIds(retention.plus(CLOCK_SKEW).toMillis(), MAX_FILTERED_IDS_PER_TASK);
  }

  /**
   * Streams initialises the processor after it has restored the task's stores, and again after
   * any restore: what the store holds now is everything an earlier decision can be found in.
   */
  static DecidedTransactions read(TaskId task, TimestampedKeyValueStore<String, ProcessedTransaction> store,
      Duration retention, LedgerMetrics metrics) {
    return read(task, store, retention, metrics, EXPIRY_SLICE);
  }

  /** With a slice of {@code expirySlice} entries per {@link #expireSome()}. */
  static DecidedTransactions read(TaskId task, TimestampedKeyValueStore<String, ProcessedTransaction> store,
      Duration retention, LedgerMetrics metrics, int expirySlice) {
    long started = System.nanoTime();
    DecidedTransactions decided = new DecidedTransactions(task, store, retention, metrics, expirySlice);
    try (KeyValueIterator<String, ValueAndTimestamp<ProcessedTransaction>> all = store.all()) {
      all.forEachRemaining(entry -> decided.noteDecided(entry.key, entry.value.timestamp()));
    }
    log.info("task {}: {} decided transaction ids read from {} in {} ms", task, decided.filters.keys(),
        LedgerStores.DECIDED_TRANSACTIONS, (System.nanoTime() - started) / 1_000_000);
    return decided;
  }

  /**
   * The decision on {@code deduplicationKey} made from {@code retention} before {@code timestamp} to
   * {@link #CLOCK_SKEW} after it, or null. The store is asked only when the filters say it may be
   * there, or for the part of the time range they no longer cover.
   */
  ProcessedTransaction earlierDecision(String deduplicationKey, long timestamp) {
    long from = timestamp - retention;
    if (!filters.mightContain(deduplicationKey, from) && from > filters.forgottenUpTo()) {
      return null;
    }
    metrics.storeLookup();
    ValueAndTimestamp<ProcessedTransaction> found = store.get(deduplicationKey);
    if (found == null || found.timestamp() < from || found.timestamp() > timestamp + CLOCK_SKEW.toMillis()) {
      return null;
    }
    return found.value();
  }

  void remember(ProcessedTransaction processed, long timestamp) {
    store.put(processed.deduplicationKey(), ValueAndTimestamp.make(processed, timestamp));
    noteDecided(processed.deduplicationKey(), timestamp);
  }

  private void noteDecided(String deduplicationKey, long timestamp) {
    filters.add(deduplicationKey, timestamp);
    newestTimestamp = Math.max(newestTimestamp, timestamp);
    oldestTimestamp = Math.min(oldestTimestamp, timestamp);
    if (scan != null) {
      scan.oldestKept = Math.min(scan.oldestKept, timestamp);
    }
  }

  /**
   * Deletes entries that no look-up can ask for any more: older than the retention and the clock
   * skew before the newest decision. Called every second; reads one slice of the store per call
   * while a scan runs, and starts a scan only once the oldest entry is {@link #EXPIRY_LAG} past
   * that, so that most calls read nothing.
   */
  void expireSome() {
    if (newestTimestamp == Long.MIN_VALUE) {
      return;
    }
    long cutoff = newestTimestamp - retention - CLOCK_SKEW.toMillis();
    if (scan == null) {
      if (oldestTimestamp >= cutoff - EXPIRY_LAG.toMillis()) {
        return;
      }
      scan = new Scan(cutoff);
    }
    int read = 0;
    try (KeyValueIterator<String, ValueAndTimestamp<ProcessedTransaction>> entries =
        scan.lastKey == null ? store.all() : store.range(scan.lastKey, null)) {
      while (read < expirySlice && entries.hasNext()) {
        KeyValue<String, ValueAndTimestamp<ProcessedTransaction>> entry = entries.next();
        if (entry.key.equals(scan.lastKey)) {
          continue; // the last one of the previous slice: range's lower bound is inclusive
        }
        read++;
        scan.lastKey = entry.key;
        if (entry.value.timestamp() < scan.cutoff) {
          store.delete(entry.key);
          scan.deleted++;
        } else {
          scan.oldestKept = Math.min(scan.oldestKept, entry.value.timestamp());
        }
      }
      if (!entries.hasNext()) {
        finish(scan);
      }
    }
  }

  private void finish(Scan finished) {
    oldestTimestamp = finished.oldestKept;
    scan = null;
    metrics.decidedIdsExpired(finished.deleted);
    log.info("task {}: deleted {} decided transaction ids older than the retention from {} in {} s", task,
        finished.deleted, LedgerStores.DECIDED_TRANSACTIONS, (System.nanoTime() - finished.started) / 1_000_000_000);
  }

  /** One pass over the store, a slice at a time, resumed after the last key it read. */
  private static final class Scan {
    final long cutoff;
    final long started = System.nanoTime();
    String lastKey;
    long deleted;
    long oldestKept = Long.MAX_VALUE;

    Scan(long cutoff) {
      this.cutoff = cutoff;
    }
  }
}
