package com.kafkaledger.processor.stream;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets RocksDB answer "never seen this transaction" from a Bloom filter. Every command looks up its
 * transaction id in the processed-transactions window store, almost always in vain, and a window
 * store looks up by seeking an iterator in each of its segments: without a prefix extractor, every
 * seek searches the memtable's skip list and the files' indexes (a quarter of the stream thread in
 * a profile of the ledger alone).
 *
 * <p>The store's keys are the deduplication key (the transaction id, then {@code /CREDIT} or
 * {@code /REVERSAL} for a later leg) followed by the window's timestamp. The transaction id is a
 * UUID in its 36-character form ({@code CommandRules} dead-letters any other), so the first 36
 * bytes of a key are the same for every entry of one transaction, whatever its timestamp: that
 * prefix goes into the memtable's and the files' Bloom filters, and a seek for a transaction that
 * is in neither ends there.
 *
 * <p>The memtable stays RocksDB's one skip list. A hash of skip lists, one per prefix, was used
 * before, but in this prefix mode it cannot be read in key order: a read of the whole store, from
 * which each task rebuilds its decided-id filters when it starts, skipped every entry still in the
 * memtable (LedgerRocksDbConfigTest). Whether a repeat of a decided id was caught after a restore
 * then hung on Streams flushing the store before the task started. Tried again with the store
 * flushed before that read, the hash was no faster than this (README, "Figures of this version").
 */
public final class LedgerRocksDbConfig implements RocksDBConfigSetter {

  private static final Logger log = LoggerFactory.getLogger(LedgerRocksDbConfig.class);

  /** The length of a UUID's text form, the prefix every key of one transaction shares. */
  static final int TRANSACTION_ID_LENGTH = 36;
  /** The memtable's Bloom filter, as a share of the memtable's size (RocksDB suggests 0.1). */
  private static final double MEMTABLE_BLOOM_RATIO = 0.1;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (isProcessedTransactionsSegment(storeName)) {
      options.useCappedPrefixExtractor(TRANSACTION_ID_LENGTH);
      options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
      log.info("{}: Bloom filters on the first {} bytes of each key, the transaction id", storeName,
          TRANSACTION_ID_LENGTH);
    }
  }

  @Override
  public void close(String storeName, Options options) {
    // nothing allocated here: the prefix extractor belongs to the options, which Streams closes
  }

  /** A window store's segments are named after it: {@code processed-transactions.<segment start>}. */
  static boolean isProcessedTransactionsSegment(String storeName) {
    return storeName.equals(LedgerStores.PROCESSED_TRANSACTIONS)
        || storeName.startsWith(LedgerStores.PROCESSED_TRANSACTIONS + ".");
  }
}
