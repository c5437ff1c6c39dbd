package com.kafkaledger.examples.chargevolume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows by the event's {@code occurredAt}, the moment the ledger credited the merchant: a field of
 * the contract, the same on every replay. The record timestamp is not part of the contract (the
 * ledger's records carry the time the originating command was submitted, which for a credit is
 * before the credit happened).
 */
final class OccurredAtTimestamp implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof LedgerEventFields event && event.occurredAt() != null) {
      return event.occurredAt().toEpochMilli();
    }
    return record.timestamp(); // not a contract value; the topology drops it anyway
  }
}
