package com.kafkaledger.view.projection;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * "projection" in the readiness group: every projection consumer runs, and the events consumer
 * has partitions assigned, so what the view answers is moving towards the log's end. (With more
 * view instances than partitions, the extra ones stay out of service: they would project nothing.)
 */
@Component("projection")
class ProjectionHealthIndicator implements HealthIndicator {

  private static final List<String> LISTENERS = List.of(EventProjectionListener.LISTENER_ID,
      PendingTransactionListener.LISTENER_ID, LedgerTotalsListener.LISTENER_ID);

  private final KafkaListenerEndpointRegistry registry;

  ProjectionHealthIndicator(KafkaListenerEndpointRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    for (String id : LISTENERS) {
      MessageListenerContainer container = registry.getListenerContainer(id);
      boolean running = container != null && container.isRunning();
      int partitions = running && container.getAssignedPartitions() != null
          ? container.getAssignedPartitions().size() : 0;
      health.withDetail(id, running ? partitions + " partitions" : "not running");
      if (!running || (id.equals(EventProjectionListener.LISTENER_ID) && partitions == 0)) {
        health.outOfService();
      }
    }
    return health.build();
  }
}
