package com.kafkaledger.processor.stream;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory key-value store over a hash map, for a store read and written by key alone (the
 * accounts). Kafka's in-memory store keeps a sorted map, whose look-up walks a tree of byte-array
 * comparisons: 7 % of the stream thread in the ledger alone. Streams wraps this store as it wraps
 * its own: changelogged, and filled again from the changelog when its task starts.
 *
 * <p>Only the task's stream thread touches it (no interactive queries on these stores), so the map
 * needs no locking. {@link #range} and {@link #all} work on a sorted copy: correct, and slow.
 */
final class HashMapStore implements KeyValueStore<Bytes, byte[]> {

  private final String name;
  private final Map<Bytes, byte[]> entries = new HashMap<>();
  private final Position position = Position.emptyPosition();
  private boolean open;

  HashMapStore(String name) {
    this.name = name;
  }

  static KeyValueBytesStoreSupplier supplier(String name) {
    return new KeyValueBytesStoreSupplier() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public KeyValueStore<Bytes, byte[]> get() {
        return new HashMapStore(name);
      }

      @Override
      public String metricsScope() {
        return "in-memory-hash";
      }
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    // the changelog's records, put back in order when the task starts (a null value deletes)
    context.register(root, (key, value) -> put(Bytes.wrap(key), value));
    open = true;
  }

  @Override
  public byte[] get(Bytes key) {
    return entries.get(key);
  }

  @Override
  public void put(Bytes key, byte[] value) {
    if (value == null) {
      entries.remove(key);
    } else {
      entries.put(key, value);
    }
  }

  @Override
  public byte[] putIfAbsent(Bytes key, byte[] value) {
    byte[] existing = entries.get(key);
    if (existing == null) {
      put(key, value);
    }
    return existing;
  }

  @Override
  public void putAll(List<KeyValue<Bytes, byte[]>> newEntries) {
    newEntries.forEach(entry -> put(entry.key, entry.value));
  }

  @Override
  public byte[] delete(Bytes key) {
    return entries.remove(key);
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
    if (from.compareTo(to) > 0) {
      return iterator(Collections.emptyIterator());
    }
    return iterator(new TreeMap<>(entries).subMap(from, true, to, true).entrySet().iterator());
  }

  @Override
  public KeyValueIterator<Bytes, byte[]> all() {
    return iterator(new TreeMap<>(entries).entrySet().iterator());
  }

  @Override
  public long approximateNumEntries() {
    return entries.size();
  }

  @Override
  public Position getPosition() {
    return position;
  }

  @Override
  public void flush() {
    // nothing to write: the changelog is the durable copy
  }

  @Override
  public void close() {
    entries.clear();
    open = false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  private static KeyValueIterator<Bytes, byte[]> iterator(Iterator<Map.Entry<Bytes, byte[]>> sorted) {
    return new KeyValueIterator<>() {
      private Map.Entry<Bytes, byte[]> next = sorted.hasNext() ? sorted.next() : null;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public KeyValue<Bytes, byte[]> next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        KeyValue<Bytes, byte[]> current = KeyValue.pair(next.getKey(), next.getValue());
        next = sorted.hasNext() ? sorted.next() : null;
        return current;
      }

      @Override
      public Bytes peekNextKey() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        return next.getKey();
      }

      @Override
      public void close() {}
    };
  }
}
