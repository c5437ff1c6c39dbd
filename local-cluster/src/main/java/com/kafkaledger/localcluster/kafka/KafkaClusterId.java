package com.kafkaledger.localcluster.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/** The id every node of a cluster is formatted with, kept in a file so that a restart reuses it. */
public final class KafkaClusterId {

  private KafkaClusterId() {}

  public static String readOrCreate(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return Files.readString(file).strip();
    }
    String clusterId = Uuid.randomUuid().toString();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, clusterId + System.lineSeparator());
    return clusterId;
  }
}
