package com.kafkaledger.bench.ledger;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/** A Kafka Streams app running in this JVM, stopped at the first error so that no figure hides one. */
final class StreamsApp implements AutoCloseable {

  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(60);

  private final String name;
  private final KafkaStreams streams;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  private StreamsApp(String name, Topology topology, Properties properties) {
    this.name = name;
    this.streams = new KafkaStreams(topology, properties);
    streams.setUncaughtExceptionHandler(exception -> {
      failure.compareAndSet(null, exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
  }

  static StreamsApp start(String name, Topology topology, Properties properties) {
    StreamsApp app = new StreamsApp(name, topology, properties);
    app.streams.start();
    return app;
  }

  /** Throws if the app stopped on an error. */
  void requireHealthy() {
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException(name + " failed: " + error, error);
    }
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
      throw new IllegalStateException(name + " stopped (" + state + ")");
    }
  }

  /** Leaves the group at once, so that the next app on the same group id starts without waiting. */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(CLOSE_LIMIT));
  }
}
