package com.kafkaledger.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schema files of the topics' values, and validation of raw values against them. */
public final class ContractSchemas {

  public static final String COMMAND_SCHEMA = "/schemas/ledger-command.schema.json";
  public static final String EVENT_SCHEMA = "/schemas/ledger-event.schema.json";
  public static final String TOTALS_SCHEMA = "/schemas/ledger-totals.schema.json";

  private static final ObjectMapper RAW_JSON = new ObjectMapper();
  private static final JsonSchema COMMAND = load(COMMAND_SCHEMA);
  private static final JsonSchema EVENT = load(EVENT_SCHEMA);
  private static final JsonSchema TOTALS = load(TOTALS_SCHEMA);

  private ContractSchemas() {}

  /** Violations of the command schema by a raw {@code ledger.commands} value; empty when valid. */
  public static List<String> commandViolations(byte[] value) {
    return violations(COMMAND, value);
  }

  /** Violations of the event schema by a raw {@code ledger.events} value; empty when valid. */
  public static List<String> eventViolations(byte[] value) {
    return violations(EVENT, value);
  }

  /** Violations of the totals schema by a raw {@code ledger.totals} value; empty when valid. */
  public static List<String> totalsViolations(byte[] value) {
    return violations(TOTALS, value);
  }

  private static List<String> violations(JsonSchema schema, byte[] value) {
    try {
      return schema.validate(RAW_JSON.readTree(value)).stream()
          .map(ValidationMessage::getMessage)
          .toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }

  private static JsonSchema load(String resource) {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .build();
    try (InputStream in = ContractSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing schema resource " + resource);
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
