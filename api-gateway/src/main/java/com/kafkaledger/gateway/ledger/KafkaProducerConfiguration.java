package com.kafkaledger.gateway.ledger;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class KafkaProducerConfiguration {

  @Bean
  KafkaTemplate<String, LedgerCommand> commandTemplate(KafkaProperties properties) {
    var factory = new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(),
        new StringSerializer(), JsonSerde.commands());
    var template = new KafkaTemplate<>(factory);
    // a producer span in the request's trace, its W3C traceparent header on every command record
    template.setObservationEnabled(true);
    return template;
  }
}
