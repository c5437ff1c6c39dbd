package com.kafkaledger.localcluster.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One KRaft node that is both broker and controller, on the loopback address. A single node votes
 * alone; a three-node cluster gives each node the same {@code voters} and a replication factor of 3.
 *
 * @param directory the node's own folder: its generated server.properties and its log dirs
 * @param replicationFactor of Kafka's internal topics and of topics created without one
 */
public record KafkaNodeSettings(int nodeId, int brokerPort, int controllerPort, Path directory, Path logFile,
    List<ControllerVoter> voters, int replicationFactor) {

  public static final String LOOPBACK = "127.0.0.1";

  public KafkaNodeSettings {
    voters = List.copyOf(voters);
    if (voters.stream().noneMatch(voter -> voter.nodeId() == nodeId && voter.port() == controllerPort)) {
      throw new IllegalArgumentException("node " + nodeId + " must be one of the controller voters " + voters);
    }
    if (replicationFactor < 1 || replicationFactor > voters.size()) {
      throw new IllegalArgumentException("replication factor " + replicationFactor + " needs as many nodes");
    }
  }

  /** A cluster of one: it holds every replica itself. */
  public static KafkaNodeSettings singleNode(Path directory, Path logFile, int brokerPort, int controllerPort) {
    return new KafkaNodeSettings(1, brokerPort, controllerPort, directory, logFile,
        List.of(new ControllerVoter(1, controllerPort)), 1);
  }

  /** One fewer than the replicas, so a write survives one broker going away; never below 1. */
  public int minInSyncReplicas() {
    return Math.max(1, replicationFactor - 1);
  }

  public String bootstrapServers() {
    return LOOPBACK + ":" + brokerPort;
  }

  public Path serverPropertiesFile() {
    return directory.resolve("server.properties");
  }

  public Path logDirectory() {
    return directory.resolve("data");
  }

  String quorumVoters() {
    return voters.stream().map(ControllerVoter::address).collect(Collectors.joining(","));
  }

  /** A member of the static controller quorum ({@code controller.quorum.voters}). */
  public record ControllerVoter(int nodeId, int port) {

    String address() {
      return nodeId + "@" + LOOPBACK + ":" + port;
    }
  }
}
