package com.kafkaledger.processor.stream;

import java.util.ArrayDeque;

/**
 * The deduplication keys one task has decided, as a chain of Bloom filters in front of the
 * processed-transactions store. Almost every command is new, and asking the store whether it is
 * cost a RocksDB iterator per segment; asking these filters costs a few bit look-ups.
 *
 * <p>Safe because a Bloom filter only errs one way. A "maybe" (a key added here, even by a
 * transaction that was later aborted, or a false positive) sends the caller to the store as
 * before. A "no" holds for every key whose timestamp is after {@link #forgottenUpTo()}: every
 * key the store can hold was added, when the task started (from the store itself) or when it was
 * decided. Filters are forgotten oldest first, once they are older than the store's retention or
 * when there are more keys than {@code maxKeys}; the keys up to the newest timestamp of a
 * forgotten filter must then be looked up in the store.
 */
final class DecidedIds {

  /**
   * 2^21 bits for 2^17 keys, 16 bits a key and 6 hashes: each full filter says a false "maybe"
   * about once in a thousand look-ups.
   */
  static final int KEYS_PER_FILTER = 1 << 17;
  private static final int BITS_PER_KEY = 16;
  private static final int HASHES = 6;

  private final long keepFor;
  private final long maxKeys;
  private final int keysPerFilter;
  private final ArrayDeque<Filter> filters = new ArrayDeque<>();
  private long keys;
  private long newestTimestamp = Long.MIN_VALUE;
  private long forgottenUpTo = Long.MIN_VALUE;

  /**
   * @param keepForMillis how long after the newest timestamp a key can still be looked up for
   * @param maxKeys how many keys to hold at most (two bytes each); older ones are forgotten
   * @param keysPerFilter a power of two: {@link #KEYS_PER_FILTER}, or fewer only so that a test can
   *     pass the cap with a few hundred commands
   */
  DecidedIds(long keepForMillis, long maxKeys, int keysPerFilter) {
    if (Integer.bitCount(keysPerFilter) != 1) {
      throw new IllegalArgumentException("keysPerFilter must be a power of two, was " + keysPerFilter);
    }
    this.keepFor = keepForMillis;
    this.keysPerFilter = keysPerFilter;
    this.maxKeys = Math.max(maxKeys, keysPerFilter);
  }

  void add(String key, long timestamp) {
    Filter current = filters.peekLast();
    if (current == null || current.keys == keysPerFilter) {
      current = new Filter(keysPerFilter * BITS_PER_KEY);
      filters.addLast(current);
    }
    current.add(hash(key), timestamp);
    keys++;
    newestTimestamp = Math.max(newestTimestamp, timestamp);
    forgetOldFilters();
  }

  /**
   * False if no key added with a timestamp from {@code from} on equals {@code key}; keys up to
   * {@link #forgottenUpTo()} are not known here.
   */
  boolean mightContain(String key, long from) {
    long hash = hash(key);
    for (Filter filter : filters) {
      if (filter.newestTimestamp >= from && filter.mightContain(hash)) {
        return true;
      }
    }
    return false;
  }

  /** The newest timestamp of a forgotten key: keys up to it may be in the store and not here. */
  long forgottenUpTo() {
    return forgottenUpTo;
  }

  long keys() {
    return keys;
  }

  private void forgetOldFilters() {
    while (filters.size() > 1 && (keys > maxKeys || filters.peekFirst().newestTimestamp < newestTimestamp - keepFor)) {
      Filter oldest = filters.removeFirst();
      keys -= oldest.keys;
      forgottenUpTo = Math.max(forgottenUpTo, oldest.newestTimestamp);
    }
  }

  /** 64 bits of the key: FNV-1a over its characters, then MurmurHash3's finaliser to mix them. */
  private static long hash(String key) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
    hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return hash ^ (hash >>> 33);
  }

  private static final class Filter {
    private final long[] bits;
    /** The number of bits less one: a mask, as it is a power of two. */
    private final int lastBit;
    private int keys;
    private long newestTimestamp = Long.MIN_VALUE;

    Filter(int bitCount) {
      bits = new long[Math.max(1, bitCount / Long.SIZE)];
      lastBit = bitCount - 1;
    }

    void add(long hash, long timestamp) {
      for (int i = 0; i < HASHES; i++) {
        int bit = bit(hash, i);
        bits[bit >>> 6] |= 1L << bit;
      }
      keys++;
      newestTimestamp = Math.max(newestTimestamp, timestamp);
    }

    boolean mightContain(long hash) {
      for (int i = 0; i < HASHES; i++) {
        int bit = bit(hash, i);
        if ((bits[bit >>> 6] & (1L << bit)) == 0) {
          return false;
        }
      }
      return true;
    }

    /** The i-th of the key's bits: the two halves of its hash combined (Kirsch and Mitzenmacher). */
    private int bit(long hash, int i) {
      return ((int) hash + i * ((int) (hash >>> 32) | 1)) & lastBit;
    }
  }
}
