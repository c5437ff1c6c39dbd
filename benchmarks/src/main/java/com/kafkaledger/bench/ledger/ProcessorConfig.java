package com.kafkaledger.bench.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The ledger-processor's own settings, read from its ledger-processor.yml (on the classpath with
 * the processor's jar) with every {@code ${VARIABLE:default}} at its default: the benchmark runs
 * the ledger as the service runs by default, whatever the environment says, and a change to the
 * service's settings reaches the benchmark by itself. Both apps get the same Streams properties.
 */
public record ProcessorConfig(Map<String, Object> streamsProperties, String replicationFactor,
    long defaultOverdraftLimit, Duration idempotencyRetention, Duration totalsInterval, boolean accountsInMemory,
    long decidedIdsPerTask) {

  private static final String FILE = "ledger-processor.yml";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:(.*)}");

  public static ProcessorConfig load() {
    try (InputStream in = ProcessorConfig.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException("no " + FILE + " on the classpath: is ledger-processor's jar there?");
      }
      return parse(new Yaml().load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProcessorConfig parse(Map<String, Object> yaml) {
    Map<String, Object> streams = section(yaml, "spring", "kafka", "streams");
    Map<String, Object> ledger = section(yaml, "ledger", "processor");
    Map<String, Object> properties = section(streams, "properties");
    properties.replaceAll((name, value) -> atDefault(value));
    return new ProcessorConfig(Map.copyOf(properties), atDefault(streams.get("replication-factor")),
        Long.parseLong(atDefault(ledger.get("default-overdraft-limit"))),
        DurationStyle.detectAndParse(atDefault(ledger.get("idempotency-retention"))),
        DurationStyle.detectAndParse(atDefault(ledger.get("totals-interval"))),
        Boolean.parseBoolean(atDefault(ledger.get("accounts-in-memory"))),
        Long.parseLong(atDefault(ledger.get("decided-ids-per-task"))));
  }

  /** The Streams properties of an app with its own id and state directory, on the given broker. */
  public Properties streamsProperties(String applicationId, String bootstrapServers, Path stateDirectory) {
    Properties properties = new Properties();
    properties.putAll(streamsProperties);
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toAbsolutePath().toString());
    properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
    return properties;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> yaml, String... path) {
    Map<String, Object> current = yaml;
    for (String key : path) {
      Object next = current.get(key);
      if (!(next instanceof Map)) {
        throw new IllegalStateException(FILE + " has no section " + String.join(".", path));
      }
      current = (Map<String, Object>) next;
    }
    return new java.util.LinkedHashMap<>(current);
  }

  private static String atDefault(Object value) {
    String text = String.valueOf(value);
    Matcher placeholder = PLACEHOLDER.matcher(text);
    return placeholder.matches() ? placeholder.group(1) : text;
  }
}
