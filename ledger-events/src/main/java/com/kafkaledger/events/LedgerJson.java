package com.kafkaledger.events;

import java.time.Instant;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one JSON mapping of commands and events, shared by every service and by the tests. */
public final class LedgerJson {

  /**
   * Tolerant reader: unknown fields are ignored so that adding a field to the contract does not
   * break an existing consumer.
   */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(new SimpleModule("ledger-instants").addDeserializer(Instant.class, new UtcInstantDeserializer()))
      .build();

  private LedgerJson() {}

  /** Events and commands, the values written most, by a writer of their own that gives the same bytes. */
  public static byte[] toBytes(Object value) {
    if (value instanceof LedgerEvent event) {
      return ContractWriter.event(event);
    }
    if (value instanceof LedgerCommand command) {
      return ContractWriter.command(command);
    }
    return MAPPER.writeValueAsBytes(value);
  }

  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    return MAPPER.readValue(bytes, type);
  }
}
