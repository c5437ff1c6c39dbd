package com.kafkaledger.localcluster.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerPropertiesTest {

  @TempDir
  Path directory;

  @Test
  void aSingleNodeIsBrokerAndSoleControllerOnLoopbackAndHoldsEveryReplica() {
    KafkaNodeSettings node = KafkaNodeSettings.singleNode(directory, directory.resolve("kafka.log"), 9092, 9093);

    assertThat(KafkaServerProperties.forNode(node))
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
        .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
        .containsEntry("controller.listener.names", "CONTROLLER")
        .containsEntry("log.dirs", directory.resolve("data").toString())
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("min.insync.replicas", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0");
  }

  @Test
  void aNodeOfThreeKnowsAllVotersAndReplicatesThreeTimes() {
    List<KafkaNodeSettings.ControllerVoter> voters = List.of(new KafkaNodeSettings.ControllerVoter(1, 19093),
        new KafkaNodeSettings.ControllerVoter(2, 29093), new KafkaNodeSettings.ControllerVoter(3, 39093));
    KafkaNodeSettings second = new KafkaNodeSettings(2, 29092, 29093, directory, directory.resolve("kafka-2.log"),
        voters, 3);

    assertThat(KafkaServerProperties.forNode(second))
        .containsEntry("node.id", "2")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093,2@127.0.0.1:29093,3@127.0.0.1:39093")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
        .containsEntry("transaction.state.log.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2")
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2");
  }

  @Test
  void aNodeMustBeAVoterAndCannotReplicateBeyondTheCluster() {
    List<KafkaNodeSettings.ControllerVoter> justOne = List.of(new KafkaNodeSettings.ControllerVoter(1, 9093));

    assertThatThrownBy(() -> new KafkaNodeSettings(2, 9094, 9095, directory, directory.resolve("log"), justOne, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KafkaNodeSettings(1, 9092, 9093, directory, directory.resolve("log"), justOne, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWrittenFileReadsBackAsTheSameProperties() throws Exception {
    KafkaNodeSettings node = KafkaNodeSettings.singleNode(directory, directory.resolve("kafka.log"), 9092, 9093);

    KafkaServerProperties.write(node);

    Properties read = new Properties();
    try (Reader reader = Files.newBufferedReader(node.serverPropertiesFile())) {
      read.load(reader);
    }
    assertThat(read).containsExactlyInAnyOrderEntriesOf(Map.copyOf(KafkaServerProperties.forNode(node)));
  }

  @Test
  void theClusterIdIsCreatedOnceAndThenReused() throws Exception {
    Path file = directory.resolve("cluster.id");

    String first = KafkaClusterId.readOrCreate(file);

    assertThat(first).hasSize(22);
    assertThat(KafkaClusterId.readOrCreate(file)).isEqualTo(first);
  }
}
