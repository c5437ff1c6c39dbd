package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class LedgerTopicsTest {

  private final Map<String, NewTopic> topics = LedgerTopics.definitions(12).stream()
      .collect(Collectors.toMap(NewTopic::name, topic -> topic));

  @Test
  void eventsAreKeptForever() {
    NewTopic events = topics.get(Topics.EVENTS);

    assertThat(events.numPartitions()).isEqualTo(12);
    assertThat(events.configs()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
  }

  @Test
  void commandsAreKeptForAWeek() {
    NewTopic commands = topics.get(Topics.COMMANDS);

    assertThat(commands.numPartitions()).isEqualTo(12);
    // -1: the broker's default.replication.factor, so one node or a three-node cluster alike
    assertThat(commands.replicationFactor()).isEqualTo((short) -1);
    assertThat(commands.configs()).containsEntry("retention.ms", "604800000");
  }

  @Test
  void totalsAreCompactedAndCommandsAndEventsShareOnePartitionCount() {
    assertThat(topics.get(Topics.TOTALS).configs()).containsEntry("cleanup.policy", "compact");
    // The ledger's task p writes the events of partition p only if both topics have as many partitions.
    assertThat(topics.get(Topics.COMMANDS).numPartitions()).isEqualTo(topics.get(Topics.EVENTS).numPartitions());
  }

  @Test
  void deadLetteredCommandsAreKeptForAWeekInAsManyPartitions() {
    NewTopic deadLetter = topics.get(Topics.COMMANDS_DEAD_LETTER);

    assertThat(deadLetter.name()).isEqualTo("ledger.commands.dlq");
    assertThat(deadLetter.numPartitions()).isEqualTo(topics.get(Topics.COMMANDS).numPartitions());
    assertThat(deadLetter.replicationFactor()).isEqualTo((short) -1);
    assertThat(deadLetter.configs()).containsEntry("retention.ms", "604800000");
  }

  @Test
  void everyTopicOfTheContractIsCreated() {
    assertThat(topics).containsOnlyKeys(Topics.COMMANDS, Topics.EVENTS, Topics.TOTALS, Topics.COMMANDS_DEAD_LETTER);
  }
}
