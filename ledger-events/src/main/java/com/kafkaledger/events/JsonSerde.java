package com.kafkaledger.events;

import java.util.function.Function;
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
  /** A faster reader for the usual form of a value; it answers null to leave the value to Jackson. */
  private final Function<byte[], T> usualForm;

  public JsonSerde(Class<T> type) {
    this(type, bytes -> null);
  }

  private JsonSerde(Class<T> type, Function<byte[], T> usualForm) {
    this.type = type;
    this.reader = LedgerJson.MAPPER.readerFor(type);
    this.usualForm = usualForm;
  }

  public static JsonSerde<LedgerCommand> commands() {
    return new JsonSerde<>(LedgerCommand.class, CommandReader::read);
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
    T value = usualForm.apply(bytes);
    if (value != null) {
      return value;
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
