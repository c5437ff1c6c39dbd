package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.ProcessedTransaction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/** The processor's state stores, all changelogged, so state survives crashes. */
final class LedgerStores {

  static final String ACCOUNTS = "accounts";
  static final String DECIDED_TRANSACTIONS = "decided-transactions";
  static final String TOTALS = "totals";

  private LedgerStores() {}

  /**
   * The accounts, read and written by every command. In memory by default (265 bytes of
   * heap per account, restored from the changelog when a task moves), where RocksDB's get and put
   * cost a quarter of the stream thread; in RocksDB for more accounts than the heap holds. No record
   * cache: measured with ./bench --only ledger-alone, caching them cut the ledger's rate to a third.
   */
  static StoreBuilder<KeyValueStore<String, AccountState>> accounts(boolean inMemory) {
    return Stores.keyValueStoreBuilder(
        inMemory ? Stores.inMemoryKeyValueStore(ACCOUNTS) : Stores.persistentKeyValueStore(ACCOUNTS),
        Serdes.String(), StateSerdes.accounts());
  }

  /**
   * Decided commands by deduplication key, each with its record's timestamp, read by a point
   * look-up; {@link DecidedTransactions} deletes them once older than the retention, so the store
   * stays bounded however long the ledger runs. (It replaces the window store "processed-transactions"
   * of earlier versions, whose changelog has another format.)
   */
  static StoreBuilder<TimestampedKeyValueStore<String, ProcessedTransaction>> decidedTransactions() {
    return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(DECIDED_TRANSACTIONS),
        Serdes.String(), StateSerdes.processedTransactions());
  }

  /**
   * Per partition and currency: a handful of entries, each changed by every event. Cached, so that
   * each reaches RocksDB and the changelog once per commit instead of once per event; the cache is
   * flushed in the commit, so the totals stay exactly as committed as the events they count.
   */
  static StoreBuilder<KeyValueStore<String, LedgerTotals>> totals() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TOTALS), Serdes.String(),
        StateSerdes.totals()).withCachingEnabled();
  }
}
