package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.view.BalanceViewIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectionPositionsTest extends BalanceViewIntegrationTest {

  @Autowired
  private ProjectionPositions positions;

  /** A partition of a topic of this test's own, so that the listeners never write its row. */
  private final TopicPartition partition = new TopicPartition("positions-test-" + UUID.randomUUID(), 2);

  @Test
  void recordsAreCountedOnceWhenBatchesOverlap() {
    positions.store(Map.of(partition, List.of(10L, 11L, 12L)));
    positions.store(Map.of(partition, List.of(10L, 11L, 12L)));
    positions.store(Map.of(partition, List.of(12L, 14L, 15L)));

    assertThat(jdbc.queryForMap(
        "SELECT next_offset, records_projected FROM projection_offsets WHERE topic = ? AND partition = ?",
        partition.topic(), partition.partition()))
        .containsEntry("next_offset", 16L)
        .containsEntry("records_projected", 5L);
  }

  @Test
  void olderBatchReadLateMovesNothingBack() {
    positions.store(Map.of(partition, List.of(20L, 21L)));
    positions.store(Map.of(partition, List.of(5L, 6L)));

    assertThat(jdbc.queryForMap(
        "SELECT next_offset, records_projected FROM projection_offsets WHERE topic = ? AND partition = ?",
        partition.topic(), partition.partition()))
        .containsEntry("next_offset", 22L)
        .containsEntry("records_projected", 2L);
  }
}
