package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A RocksDB database with the ledger's settings for a processed-transactions segment, read as Kafka
 * Streams reads it (iterators with the default read options): a look-up by transaction id finds it
 * wherever it is, and once flushed, a read of the whole segment sees every entry.
 */
class LedgerRocksDbConfigTest {

  @TempDir
  Path directory;

  @Test
  void aLookUpByIdFindsEntriesInTheMemtableAndInTheFilesAndAWholeReadAfterAFlushSeesThemAll()
      throws RocksDBException {
    List<String> inFiles = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID() + "/CREDIT").toList();
    List<String> inMemtable = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID().toString()).toList();
    try (Options options = new Options().setCreateIfMissing(true);
        FlushOptions waitForFlush = new FlushOptions().setWaitForFlush(true)) {
      new LedgerRocksDbConfig().setConfig(LedgerStores.PROCESSED_TRANSACTIONS + ".1790000000000", options, Map.of());
      try (RocksDB db = RocksDB.open(options, directory.toString())) {
        put(db, inFiles);
        db.flush(waitForFlush);
        put(db, inMemtable);

        for (String key : concat(inFiles, inMemtable)) {
          try (RocksIterator byId = db.newIterator()) {
            byId.seek(bytes(key));
            assertThat(byId.isValid() ? text(byId.key()) : null).isEqualTo(key);
          }
        }

        db.flush(waitForFlush);
        Set<String> readBack = new HashSet<>();
        try (RocksIterator all = db.newIterator()) {
          for (all.seekToFirst(); all.isValid(); all.next()) {
            readBack.add(text(all.key()));
          }
        }
        assertThat(readBack).containsExactlyInAnyOrderElementsOf(concat(inFiles, inMemtable));
      }
    }
  }

  private static void put(RocksDB db, List<String> keys) throws RocksDBException {
    for (String key : keys) {
      db.put(bytes(key), new byte[] {1});
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
