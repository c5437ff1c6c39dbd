package com.kafkaledger.examples.chargevolume;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** UTF-8 JSON serdes for this job's records. */
final class Json {

  /** A tolerant reader: the ledger only ever adds fields, and this job ignores the ones it does not use. */
  static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}

  static <T> Serde<T> serde(Class<T> type) {
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : MAPPER.writeValueAsBytes(value),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return MAPPER.readValue(bytes, type);
          } catch (JacksonException e) {
            throw new SerializationException("a value of " + topic + " is not a " + type.getSimpleName(), e);
          }
        });
  }
}
