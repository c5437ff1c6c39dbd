package com.kafkaledger.examples.chargevolume;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Runs the job: {@code java -jar merchant-charge-volume.jar [--bootstrap-servers localhost:9092]
 * [--application-id analytics-merchant-charge-volume] [--output-topic analytics.merchant-charge-volume]
 * [--state-dir DIR]}. Stops on Ctrl-C or SIGTERM.
 */
public final class MerchantChargeVolumeApp {

  static final String USAGE = """
      Usage: java -jar merchant-charge-volume.jar [options]
        --bootstrap-servers HOST:PORT  Kafka of the ledger                      (localhost:9092)
        --application-id ID            Kafka Streams application id, also the
                                       consumer group of ledger.events           (analytics-merchant-charge-volume)
        --output-topic NAME            where the per-minute totals go, created
                                       if missing                                (analytics.merchant-charge-volume)
        --state-dir DIR                local state (RocksDB)                      (Kafka Streams' default)
      """;

  private static final Duration ADMIN_LIMIT = Duration.ofSeconds(30);

  /** The job's settings, from the command line. */
  public record Options(String bootstrapServers, String applicationId, String outputTopic, String stateDir) {

    public static Options parse(String... args) {
      Map<String, String> values = new LinkedHashMap<>(Map.of(
          "--bootstrap-servers", "localhost:9092",
          "--application-id", "analytics-merchant-charge-volume",
          "--output-topic", "analytics.merchant-charge-volume"));
      for (int i = 0; i < args.length; i += 2) {
        if (!Set.of("--bootstrap-servers", "--application-id", "--output-topic", "--state-dir").contains(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        values.put(args[i], args[i + 1]);
      }
      return new Options(values.get("--bootstrap-servers"), values.get("--application-id"),
          values.get("--output-topic"), values.get("--state-dir"));
    }
  }

  private MerchantChargeVolumeApp() {}

  public static void main(String[] args) throws Exception {
    if (List.of(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    KafkaStreams streams = create(options);
    streams.setStateListener((now, before) -> {
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(Duration.ofSeconds(30))));
    streams.start();
    System.out.printf("merchant-charge-volume: reading %s at %s as group %s (exactly-once, read_committed),"
        + " writing %s; Ctrl-C stops%n", ChargeVolumeTopology.EVENTS, options.bootstrapServers(),
        options.applicationId(), options.outputTopic());
    stopped.await();
    if (streams.state() == KafkaStreams.State.ERROR) {
      System.err.println("merchant-charge-volume: stopped on an error (see the log above)");
      System.exit(1);
    }
  }

  /** Creates the output topic if it is missing, and the job, ready to start. */
  public static KafkaStreams create(Options options)
      throws ExecutionException, InterruptedException, TimeoutException {
    createOutputTopic(options);
    return new KafkaStreams(ChargeVolumeTopology.build(options.outputTopic()), config(options));
  }

  static Properties config(Options options) {
    Properties config = new Properties();
    // The application id is the consumer group: this team's own offsets on ledger.events.
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, options.applicationId());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    // Reading ledger.events, updating the window store and writing the totals commit together. It also
    // makes the consumer read_committed: events of a ledger transaction that aborted are never seen.
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // A new group starts from the first event ever written (ledger.events is kept forever).
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    if (options.stateDir() != null) {
      config.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir());
    }
    return config;
  }

  /** As many partitions as ledger.events, the broker's default replication. */
  static void createOutputTopic(Options options)
      throws ExecutionException, InterruptedException, TimeoutException {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_LIMIT.toMillis());
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(ADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
      if (!existing.contains(ChargeVolumeTopology.EVENTS)) {
        throw new IllegalStateException(ChargeVolumeTopology.EVENTS + " does not exist at "
            + options.bootstrapServers() + ": is the ledger (./run-local) running?");
      }
      if (existing.contains(options.outputTopic())) {
        return;
      }
      int partitions = admin.describeTopics(List.of(ChargeVolumeTopology.EVENTS)).allTopicNames()
          .get(ADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS).get(ChargeVolumeTopology.EVENTS).partitions().size();
      admin.createTopics(List.of(new NewTopic(options.outputTopic(), Optional.of(partitions), Optional.empty())))
          .all().get(ADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
