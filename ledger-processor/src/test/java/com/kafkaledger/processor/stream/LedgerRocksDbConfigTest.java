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
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A RocksDB database with the ledger's settings for a processed-transactions segment, read as Kafka
 * Streams reads it (an iterator with the default read options). The decided-id filters are rebuilt
 * at a task's start from a read of the whole store, and a restore may leave every entry still in the
 * memtable: that read must see them there, not only once they are flushed to files.
 */
class LedgerRocksDbConfigTest {

  @TempDir
  Path directory;

  @Test
  void aReadOfTheWholeSegmentSeesEntriesStillInTheMemtableAndALookUpByIdFindsThem() throws RocksDBException {
    List<String> keys = IntStream.range(0, 1_000).mapToObj(i -> UUID.randomUUID() + "/CREDIT").toList();
    try (Options options = new Options().setCreateIfMissing(true)) {
      new LedgerRocksDbConfig().setConfig(LedgerStores.PROCESSED_TRANSACTIONS + ".1790000000000", options, Map.of());
      try (RocksDB db = RocksDB.open(options, directory.toString())) {
        for (String key : keys) {
          db.put(bytes(key), new byte[] {1});
        }

        Set<String> readBack = new HashSet<>();
        try (RocksIterator all = db.newIterator()) {
          for (all.seekToFirst(); all.isValid(); all.next()) {
            readBack.add(new String(all.key(), StandardCharsets.UTF_8));
          }
        }
        assertThat(readBack).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
          try (RocksIterator byId = db.newIterator()) {
            byId.seek(bytes(key));
            assertThat(byId.isValid() && new String(byId.key(), StandardCharsets.UTF_8).equals(key)).isTrue();
          }
        }
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
