package com.kafkaledger.localcluster.kafka;

import com.kafkaledger.localcluster.process.ChildProcess;
import com.kafkaledger.localcluster.process.JavaCommand;
import com.kafkaledger.localcluster.process.LogTail;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** A real Kafka node (broker and KRaft controller) in a child JVM, from the Kafka jars on the classpath. */
public final class KafkaBroker {

  private static final List<String> JVM_OPTIONS = List.of(
      "-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true",
      "-Dlog4j2.configurationFile=kafka-log4j2.xml");
  private static final Duration FORMAT_LIMIT = Duration.ofSeconds(60);
  private static final int PROBE_TIMEOUT_MILLIS = 2_000;

  private final KafkaNodeSettings settings;
  private final String clusterId;
  private ChildProcess process;

  public KafkaBroker(KafkaNodeSettings settings, String clusterId) {
    this.settings = settings;
    this.clusterId = clusterId;
  }

  /**
   * Writes server.properties, formats the storage if this is the node's first start, and starts it;
   * also after the node stopped or was killed.
   */
  public void start() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("kafka node " + settings.nodeId() + " is already started");
    }
    KafkaServerProperties.write(settings);
    if (!isFormatted()) {
      format();
    }
    process = ChildProcess.start(name(), JavaCommand.onLauncherClasspath(JVM_OPTIONS, "kafka.Kafka",
        settings.serverPropertiesFile().toAbsolutePath().toString()), Map.of(), settings.logFile());
  }

  private boolean isFormatted() {
    return Files.isRegularFile(settings.logDirectory().resolve("meta.properties"));
  }

  private void format() throws IOException, InterruptedException {
    ChildProcess storageTool = ChildProcess.start(name() + " storage format",
        JavaCommand.onLauncherClasspath(JVM_OPTIONS, "kafka.tools.StorageTool", "format",
            "--cluster-id", clusterId, "--config", settings.serverPropertiesFile().toAbsolutePath().toString()),
        Map.of(), settings.logFile());
    int exitCode = storageTool.awaitExit(FORMAT_LIMIT);
    if (exitCode != 0) {
      throw new IOException("formatting the Kafka storage failed with exit code " + exitCode
          + System.lineSeparator() + LogTail.describe(settings.logFile(), 30));
    }
  }

  /** Whether this node answers as a member of the cluster. */
  public boolean isReady() {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MILLIS);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, PROBE_TIMEOUT_MILLIS);
    try (Admin admin = Admin.create(config)) {
      return admin.describeCluster().nodes().get(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).stream()
          .anyMatch(node -> node.id() == settings.nodeId());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception notYet) {
      return false;
    }
  }

  /** SIGTERM makes the broker shut down in a controlled way (moves leadership, flushes its logs). */
  public void stop(Duration grace) {
    if (process != null) {
      process.stop(grace);
    }
  }

  /** kill -9: the node loses what it had not flushed and must recover from its replicas when started again. */
  public void kill() {
    if (process != null) {
      process.kill();
    }
  }

  public ChildProcess process() {
    return process;
  }

  public KafkaNodeSettings settings() {
    return settings;
  }

  private String name() {
    return "kafka-" + settings.nodeId();
  }
}
