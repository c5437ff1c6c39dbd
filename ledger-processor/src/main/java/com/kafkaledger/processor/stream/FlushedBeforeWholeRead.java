package com.kafkaledger.processor.stream;

import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The processed-transactions store, flushed to its files before it is read whole. Its segments'
 * memtables are hashes of skip lists, one per transaction id (LedgerRocksDbConfig), which Streams'
 * iterators can only read one id at a time: a read of the whole store sees just what is in the
 * files. Each task reads it whole once, when it starts, to rebuild its decided-id filters, and may
 * start right after a restore has filled the memtables; a flush first makes that read complete.
 * Everything else is passed to the store untouched.
 */
final class FlushedBeforeWholeRead implements WindowStore<Bytes, byte[]> {

  private final WindowStore<Bytes, byte[]> store;

  private FlushedBeforeWholeRead(WindowStore<Bytes, byte[]> store) {
    this.store = store;
  }

  /** Supplies the stores of {@code supplier}, each wrapped. */
  static WindowBytesStoreSupplier wrapping(WindowBytesStoreSupplier supplier) {
    return new Supplier(supplier);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
    store.flush();
    return store.all();
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
    store.flush();
    return store.backwardAll();
  }

  @Override
  public void put(Bytes key, byte[] value, long windowStartTimestamp) {
    store.put(key, value, windowStartTimestamp);
  }

  @Override
  public byte[] fetch(Bytes key, long time) {
    return store.fetch(key, time);
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
    return store.fetch(key, timeFrom, timeTo);
  }

  @Override
  public WindowStoreIterator<byte[]> fetch(Bytes key, Instant timeFrom, Instant timeTo) {
    return store.fetch(key, timeFrom, timeTo);
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
    return store.backwardFetch(key, timeFrom, timeTo);
  }

  @Override
  public WindowStoreIterator<byte[]> backwardFetch(Bytes key, Instant timeFrom, Instant timeTo) {
    return store.backwardFetch(key, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
    return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, Instant timeFrom,
      Instant timeTo) {
    return store.fetch(keyFrom, keyTo, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom,
      long timeTo) {
    return store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, Instant timeFrom,
      Instant timeTo) {
    return store.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
    return store.fetchAll(timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(Instant timeFrom, Instant timeTo) {
    return store.fetchAll(timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
    return store.backwardFetchAll(timeFrom, timeTo);
  }

  @Override
  public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(Instant timeFrom, Instant timeTo) {
    return store.backwardFetchAll(timeFrom, timeTo);
  }

  @Override
  public String name() {
    return store.name();
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    store.init(context, root);
  }

  @Override
  public void flush() {
    store.flush();
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public boolean persistent() {
    return store.persistent();
  }

  @Override
  public boolean isOpen() {
    return store.isOpen();
  }

  @Override
  public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
    return store.query(query, positionBound, config);
  }

  @Override
  public Position getPosition() {
    return store.getPosition();
  }

  private record Supplier(WindowBytesStoreSupplier supplier) implements WindowBytesStoreSupplier {

    @Override
    public String name() {
      return supplier.name();
    }

    @Override
    public WindowStore<Bytes, byte[]> get() {
      return new FlushedBeforeWholeRead(supplier.get());
    }

    @Override
    public String metricsScope() {
      return supplier.metricsScope();
    }

    @Override
    public long segmentIntervalMs() {
      return supplier.segmentIntervalMs();
    }

    @Override
    public long windowSize() {
      return supplier.windowSize();
    }

    @Override
    public boolean retainDuplicates() {
      return supplier.retainDuplicates();
    }

    @Override
    public long retentionPeriod() {
      return supplier.retentionPeriod();
    }
  }
}
