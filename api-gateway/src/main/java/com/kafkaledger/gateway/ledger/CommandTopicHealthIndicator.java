package com.kafkaledger.gateway.ledger;

import com.kafkaledger.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * "kafka" in the readiness group: the producer can publish, i.e. the broker answers and every
 * partition of the commands topic has a leader. Otherwise a submit would end in 503, so traffic
 * should go to another instance.
 */
@Component("kafka")
class CommandTopicHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final Admin admin;
  private final Duration timeout;

  CommandTopicHealthIndicator(KafkaProperties kafka,
      @Value("${ledger.gateway.kafka-health-timeout}") Duration timeout) {
    super("Kafka unreachable");
    this.admin = Admin.create(kafka.buildAdminProperties());
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    TopicDescription commands = admin.describeTopics(List.of(Topics.COMMANDS),
            new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
        .allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(Topics.COMMANDS);
    long leaderless = commands.partitions().stream().filter(partition -> !hasLeader(partition)).count();
    (leaderless == 0 ? builder.up() : builder.outOfService())
        .withDetail("topic", Topics.COMMANDS)
        .withDetail("partitions", commands.partitions().size())
        .withDetail("partitionsWithoutLeader", leaderless);
  }

  private static boolean hasLeader(TopicPartitionInfo partition) {
    return partition.leader() != null && !partition.leader().isEmpty();
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(1));
  }
}
