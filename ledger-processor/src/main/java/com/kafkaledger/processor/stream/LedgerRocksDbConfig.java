package com.kafkaledger.processor.stream;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.HashSkipListMemTableConfig;
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
 * <p>The memtable is a hash of small skip lists, one per prefix, instead of one skip list over
 * everything: a new transaction id (every command's) is inserted without walking a skip list of the
 * whole memtable. Measured with the ledger alone on transfers, the one skip list made 41 % of the
 * trivial app's rate and the hash 47 % (README, "Figures of this version"). Both the filters and
 * the hash need every iteration to stay within one prefix, which is all the window store's look-up
 * by key does; a read of the whole store sees only what is in the files, so the store is flushed
 * before one (FlushedBeforeWholeRead).
 */
public final class LedgerRocksDbConfig implements RocksDBConfigSetter {

  private static final Logger log = LoggerFactory.getLogger(LedgerRocksDbConfig.class);

  /** The length of a UUID's text form, the prefix every key of one transaction shares. */
  static final int TRANSACTION_ID_LENGTH = 36;
  /** The memtable's Bloom filter, as a share of the memtable's size (RocksDB suggests 0.1). */
  private static final double MEMTABLE_BLOOM_RATIO = 0.1;
  /** About as many as a memtable holds entries: 16 MB (Streams' default) of 150-byte ones. */
  private static final long MEMTABLE_BUCKETS = 100_000;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (isProcessedTransactionsSegment(storeName)) {
      options.useCappedPrefixExtractor(TRANSACTION_ID_LENGTH);
      options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
      options.setMemTableConfig(new HashSkipListMemTableConfig().setBucketCount(MEMTABLE_BUCKETS));
      options.setAllowConcurrentMemtableWrite(false); // one writer, the stream thread; required by that memtable
      log.info("{}: a hash memtable and Bloom filters on the first {} bytes of each key, the transaction id",
          storeName, TRANSACTION_ID_LENGTH);
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
