package com.kafkaledger.processor;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The ledger's health is its Kafka Streams state. Ready ("kafkaStreams", in the readiness group)
 * only while RUNNING: during a rebalance or restore the instance processes nothing. Alive
 * ("kafkaStreamsAlive", in the liveness group) unless Streams failed or stopped for good, which
 * only a restart of the instance mends.
 */
@Configuration(proxyBeanMethods = false)
class StreamsHealth {

  @Bean
  HealthIndicator kafkaStreams(StreamsBuilderFactoryBean factory) {
    return () -> {
      KafkaStreams streams = factory.getKafkaStreams();
      if (streams == null) {
        return Health.outOfService().withDetail("state", "NOT_CREATED").build();
      }
      KafkaStreams.State state = streams.state();
      Health.Builder health = state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService();
      return health.withDetail("state", state.name()).build();
    };
  }

  @Bean
  HealthIndicator kafkaStreamsAlive(StreamsBuilderFactoryBean factory) {
    return () -> {
      KafkaStreams streams = factory.getKafkaStreams();
      KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
      boolean failed = switch (state) {
        case PENDING_ERROR, ERROR, PENDING_SHUTDOWN, NOT_RUNNING -> true;
        case CREATED, REBALANCING, RUNNING -> false;
      };
      return (failed ? Health.down() : Health.up()).withDetail("state", state.name()).build();
    };
  }
}
