package com.kafkaledger.processor.stream;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets RocksDB answer "never seen this transaction" from a Bloom filter in memory. Every command
 * the in-memory filters cannot rule out (all of them, once a task has decided more ids than they
 * hold) looks up its deduplication key in the decided-transactions store, almost always in vain.
 * The store's files have Streams' whole-key Bloom filters; this adds one to the memtable, which is
 * otherwise searched along its skip list for every look-up. No prefix extractor: the store is also
 * read in key order (its expiry, the filters' start), which a prefix mode would cut short.
 */
public final class LedgerRocksDbConfig implements RocksDBConfigSetter {

  private static final Logger log = LoggerFactory.getLogger(LedgerRocksDbConfig.class);

  /** The memtable's Bloom filter, as a share of the memtable's size (RocksDB suggests 0.1). */
  private static final double MEMTABLE_BLOOM_RATIO = 0.1;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (storeName.equals(LedgerStores.DECIDED_TRANSACTIONS)) {
      options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
      options.setMemtableWholeKeyFiltering(true);
      log.info("{}: a Bloom filter on whole keys in the memtable", storeName);
    }
  }

  @Override
  public void close(String storeName, Options options) {
    // nothing allocated here
  }
}
