package com.kafkaledger.localcluster;

import com.kafkaledger.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the pipeline's topics when they are missing; existing ones are left as they are. */
public final class LedgerTopics {

  static final Duration COMMAND_RETENTION = Duration.ofDays(7);
  static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(7);
  private static final Duration ADMIN_LIMIT = Duration.ofSeconds(30);

  private LedgerTopics() {}

  static List<NewTopic> definitions(int partitions) {
    // The broker's default.replication.factor: 1 on a single node, 3 on a three-node cluster.
    Optional<Short> replicas = Optional.empty();
    NewTopic commands = new NewTopic(Topics.COMMANDS, Optional.of(partitions), replicas)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(COMMAND_RETENTION.toMillis())));
    // The events are the source of truth the view is rebuilt from: never delete them.
    NewTopic events = new NewTopic(Topics.EVENTS, Optional.of(partitions), replicas)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
    // The ledger's running totals per partition and currency: only the newest per key matters.
    NewTopic totals = new NewTopic(Topics.TOTALS, Optional.of(partitions), replicas)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    // Commands the ledger could not read or that break the contract, kept as long as the commands so an
    // operator can see what was sent; as many partitions, so the original key keeps its partition.
    NewTopic commandsDeadLetter = new NewTopic(Topics.COMMANDS_DEAD_LETTER, Optional.of(partitions), replicas)
        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION.toMillis())));
    return List.of(commands, events, totals, commandsDeadLetter);
  }

  public static void createMissing(String bootstrapServers, int partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(ADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
      List<NewTopic> missing = definitions(partitions).stream()
          .filter(topic -> !existing.contains(topic.name()))
          .toList();
      admin.createTopics(missing).all().get(ADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
      missing.forEach(topic -> System.out.printf("created topic %s with %d partitions%n", topic.name(), partitions));
      List<String> kept = definitions(partitions).stream().map(NewTopic::name).filter(existing::contains).toList();
      reportPartitionCounts(admin, kept, partitions);
    }
  }

  // The processor's state is partitioned like its input: changing the count of a topic in use would
  // move accounts to other partitions, so a different LEDGER_PARTITIONS does not alter an existing topic.
  private static void reportPartitionCounts(Admin admin, List<String> topics, int partitions)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(topics).allTopicNames().get(ADMIN_LIMIT.toSeconds(), TimeUnit.SECONDS);
    descriptions.values().forEach(description -> {
      int actual = description.partitions().size();
      System.out.printf("topic %s exists with %d partitions%s%n", description.name(), actual,
          actual == partitions ? "" : " (LEDGER_PARTITIONS=" + partitions + " only applies to new topics)");
    });
  }
}
