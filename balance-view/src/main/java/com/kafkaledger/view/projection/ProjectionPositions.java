package com.kafkaledger.view.projection;

import java.sql.Array;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.stereotype.Repository;

/**
 * Where the projection is in each partition, stored with the projected rows in one transaction.
 * The database, not the consumer group, decides where to resume: an empty database means
 * "from the start", which is how the view is rebuilt.
 */
@Repository
class ProjectionPositions {

  private static final Logger log = LoggerFactory.getLogger(ProjectionPositions.class);

  // Forward only: an instance that lost the partition in a rebalance must not move it back, and
  // only the records past the stored position count, so a batch read twice counts once.
  private static final String STORE = """
      INSERT INTO projection_offsets AS stored (topic, partition, next_offset, records_projected)
      VALUES (?, ?, ?, cardinality(?::bigint[]))
      ON CONFLICT (topic, partition) DO UPDATE SET
          next_offset = GREATEST(stored.next_offset, EXCLUDED.next_offset),
          records_projected = stored.records_projected + (SELECT count(*)
              FROM unnest(?::bigint[]) AS batch(record_offset)
              WHERE batch.record_offset >= stored.next_offset)
      """;

  private final JdbcTemplate jdbc;

  ProjectionPositions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Seeks each partition to its stored position, or to the start where none is stored. */
  void seekToStored(Collection<TopicPartition> partitions, ConsumerSeekCallback callback) {
    Map<TopicPartition, Long> stored;
    try {
      stored = read(partitions);
    } catch (DataAccessException e) {
      // Replaying from the start is always correct, the projection being idempotent; only slower.
      log.warn("Cannot read the stored positions, replaying {} from the start: {}", partitions, e.getMessage());
      stored = Map.of();
    }
    for (TopicPartition partition : partitions) {
      Long next = stored.get(partition);
      if (next == null) {
        callback.seekToBeginning(partition.topic(), partition.partition());
      } else {
        callback.seek(partition.topic(), partition.partition(), next);
      }
    }
    log.info("Assigned {}, resuming at the stored positions {}", partitions, stored);
  }

  /**
   * Must run inside the transaction that writes the rows of these records.
   *
   * @param offsetsRead per partition, ascending
   */
  void store(Map<TopicPartition, List<Long>> offsetsRead) {
    // a fixed order, so that two instances in a rebalance never lock the rows crosswise
    List<Map.Entry<TopicPartition, List<Long>>> rows = offsetsRead.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<TopicPartition, List<Long>> row) -> row.getKey().topic())
            .thenComparingInt(row -> row.getKey().partition()))
        .toList();
    JdbcBatch.execute(jdbc, STORE, rows, (statement, row) -> {
      List<Long> offsets = row.getValue();
      Array offsetArray = statement.getConnection().createArrayOf("bigint", offsets.toArray());
      statement.setString(1, row.getKey().topic());
      statement.setInt(2, row.getKey().partition());
      statement.setLong(3, offsets.get(offsets.size() - 1) + 1);
      statement.setArray(4, offsetArray);
      statement.setArray(5, offsetArray);
    });
  }

  private Map<TopicPartition, Long> read(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> stored = new HashMap<>();
    jdbc.query("SELECT topic, partition, next_offset FROM projection_offsets", row -> {
      var partition = new TopicPartition(row.getString("topic"), row.getInt("partition"));
      if (partitions.contains(partition)) {
        stored.put(partition, row.getLong("next_offset"));
      }
    });
    return stored;
  }
}
