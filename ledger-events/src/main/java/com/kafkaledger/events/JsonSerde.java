package com.kafkaledger.events;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/** Kafka serde for the contract's records, as UTF-8 JSON. */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  /** Resolved once: looking the type up on every record was a measurable part of reading one. */
  private final ObjectReader reader;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.reader = LedgerJson.MAPPER.readerFor(type);
  }

  public static JsonSerde<LedgerCommand> commands() {
    return new JsonSerde<>(LedgerCommand.class);
  }

  public static JsonSerde<LedgerEvent> events() {
    return new JsonSerde<>(LedgerEvent.class);
  }

  public static JsonSerde<LedgerTotals> totals() {
    return new JsonSerde<>(LedgerTotals.class);
  }

  @Override
  public byte[] serialize(String topic, T value) {
    return value == null ? null : LedgerJson.toBytes(value);
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return reader.readValue(bytes);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new SerializationException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
