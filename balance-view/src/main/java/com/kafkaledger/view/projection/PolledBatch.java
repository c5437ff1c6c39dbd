package com.kafkaledger.view.projection;

import com.kafkaledger.events.TraceParent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One poll's records: the values the projection can use, in order, and the offsets read in each
 * partition, the skipped records' included so that they are never read again.
 *
 * @param skipped records that could not be read or broke the contract; logged, never projected
 * @param offsetsRead per partition, ascending
 */
record PolledBatch<V>(List<V> values, int skipped, Map<TopicPartition, List<Long>> offsetsRead) {

  private static final Logger log = LoggerFactory.getLogger(PolledBatch.class);
  private static final LogAccessor SPRING_LOG = new LogAccessor(PolledBatch.class);

  /**
   * @param check throws {@link IllegalArgumentException} for a value the projection cannot use
   */
  static <V> PolledBatch<V> of(List<ConsumerRecord<String, V>> records, Consumer<V> check) {
    List<V> values = new ArrayList<>(records.size());
    Map<TopicPartition, List<Long>> offsetsRead = new HashMap<>();
    int skipped = 0;
    for (ConsumerRecord<String, V> record : records) {
      // a poll returns each partition's records in offset order
      var partition = new TopicPartition(record.topic(), record.partition());
      offsetsRead.computeIfAbsent(partition, any -> new ArrayList<>()).add(record.offset());
      String problem = problemWith(record, check);
      if (problem == null) {
        values.add(record.value());
      } else {
        skipped++;
        boolean traced = TraceParent.putInMdc(record.headers());
        try {
          log.error("Skipping unusable record {}-{}@{} (key {}): {}", record.topic(), record.partition(),
              record.offset(), record.key(), problem);
        } finally {
          TraceParent.clearMdc(traced);
        }
      }
    }
    return new PolledBatch<>(values, skipped, offsetsRead);
  }

  /** Where each partition goes on from. */
  Map<TopicPartition, Long> nextOffsets() {
    Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    offsetsRead.forEach((partition, offsets) ->
        nextOffsets.put(partition, offsets.get(offsets.size() - 1) + 1));
    return nextOffsets;
  }

  private static <V> String problemWith(ConsumerRecord<String, V> record, Consumer<V> check) {
    if (record.value() == null) {
      DeserializationException failure = SerializationUtils.getExceptionFromHeader(
          record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, SPRING_LOG);
      return failure == null ? "no value" : "cannot be read: " + failure.getMessage();
    }
    try {
      check.accept(record.value());
      return null;
    } catch (IllegalArgumentException e) {
      return "breaks the contract: " + e.getMessage();
    }
  }
}
