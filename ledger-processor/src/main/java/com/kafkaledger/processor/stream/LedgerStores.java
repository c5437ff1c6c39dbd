package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.ProcessedTransaction;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** The processor's state stores, all changelogged, so state survives crashes. */
final class LedgerStores {

  static final String ACCOUNTS = "accounts";
  static final String PROCESSED_TRANSACTIONS = "processed-transactions";
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
   * Decided commands, kept for {@code retention} of stream time and then dropped a whole segment
   * at a time: bounded on disk and in memory however long the ledger runs.
   */
  static StoreBuilder<WindowStore<String, ProcessedTransaction>> processedTransactions(Duration retention) {
    return Stores.windowStoreBuilder(
        Stores.persistentWindowStore(PROCESSED_TRANSACTIONS, retention, Duration.ofMillis(1), false),
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
