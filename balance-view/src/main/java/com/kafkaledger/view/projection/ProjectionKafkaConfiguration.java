package com.kafkaledger.view.projection;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The three batch consumers: events, commands and the ledger's totals, each read with the
 * contract's JSON serde.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
class ProjectionKafkaConfiguration {

  static final String EVENTS_CONTAINER_FACTORY = "eventsContainerFactory";
  static final String COMMANDS_CONTAINER_FACTORY = "commandsContainerFactory";
  static final String TOTALS_CONTAINER_FACTORY = "totalsContainerFactory";

  @Bean(EVENTS_CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, LedgerEvent> eventsContainerFactory(
      KafkaProperties kafka, ProjectionSettings settings, MeterRegistry meterRegistry) {
    return batchContainerFactory(consumerFactory(kafka, JsonSerde.events(), meterRegistry), kafka, settings);
  }

  @Bean(COMMANDS_CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, LedgerCommand> commandsContainerFactory(
      KafkaProperties kafka, ProjectionSettings settings, MeterRegistry meterRegistry) {
    return batchContainerFactory(consumerFactory(kafka, JsonSerde.commands(), meterRegistry), kafka, settings);
  }

  @Bean(TOTALS_CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, LedgerTotals> totalsContainerFactory(
      KafkaProperties kafka, ProjectionSettings settings, MeterRegistry meterRegistry) {
    return batchContainerFactory(consumerFactory(kafka, JsonSerde.totals(), meterRegistry), kafka, settings);
  }

  private static <V> ConsumerFactory<String, V> consumerFactory(
      KafkaProperties kafka, Deserializer<V> values, MeterRegistry meterRegistry) {
    Map<String, Object> properties = kafka.buildConsumerProperties();
    // The view only reads: a topic it subscribed to before the ledger created it would otherwise
    // be created with the broker's defaults (ledger.totals not compacted, say) and stay so.
    properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // A value that cannot be read arrives as null with the cause in a header, so that the
    // listener can log and skip it instead of the partition being stuck on it forever.
    var factory = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
        new ErrorHandlingDeserializer<>(values));
    factory.addListener(new MicrometerConsumerListener<>(meterRegistry));
    return factory;
  }

  private static <V> ConcurrentKafkaListenerContainerFactory<String, V> batchContainerFactory(
      ConsumerFactory<String, V> consumerFactory, KafkaProperties kafka, ProjectionSettings settings) {
    var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
    factory.setConsumerFactory(consumerFactory);
    factory.setBatchListener(true);
    KafkaProperties.Listener listener = kafka.getListener();
    if (listener.getConcurrency() != null) {
      factory.setConcurrency(listener.getConcurrency());
    }
    // The positions that count are the ones stored with the rows (ProjectionPositions); the
    // group's committed offsets only show operators the lag. Committed after every poll, they cost
    // the projection a broker round trip per batch (5-26 ms measured), so they are committed on a
    // timer instead (balance-view.yml: ack-mode TIME).
    if (listener.getAckMode() != null) {
      factory.getContainerProperties().setAckMode(listener.getAckMode());
    }
    if (listener.getAckTime() != null) {
      factory.getContainerProperties().setAckTime(listener.getAckTime().toMillis());
    }
    factory.setCommonErrorHandler(retryUntilStored(settings));
    return factory;
  }

  /**
   * A batch the database refused is tried again, never skipped: skipping it would lose money
   * movements from the view. Unreadable records never get here, the listeners skip them.
   */
  private static DefaultErrorHandler retryUntilStored(ProjectionSettings settings) {
    var backOff = new ExponentialBackOff(settings.retryInitialInterval().toMillis(), 2.0);
    backOff.setMaxInterval(settings.retryMaxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    var handler = new DefaultErrorHandler(backOff);
    handler.setClassifications(Map.of(), true);
    return handler;
  }
}
