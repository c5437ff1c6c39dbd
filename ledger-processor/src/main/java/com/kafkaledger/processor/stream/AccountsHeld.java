package com.kafkaledger.processor.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * How many accounts this instance's tasks hold, as the gauge {@code ledger.accounts.held}. With the
 * accounts in memory each takes about 265 bytes of heap, so this is what to watch against the
 * heap as the bank grows (README, "How it works, and how it scales").
 */
@Component
class AccountsHeld {

  AccountsHeld(StreamsBuilderFactoryBean factory, MeterRegistry registry) {
    Gauge.builder("ledger.accounts.held", () -> count(factory.getKafkaStreams()))
        .description("Accounts in this instance's active tasks' stores; none while not running (NaN)")
        .register(registry);
  }

  private static double count(KafkaStreams streams) {
    if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
      return Double.NaN;
    }
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(LedgerStores.ACCOUNTS,
          QueryableStoreTypes.keyValueStore())).approximateNumEntries();
    } catch (InvalidStateStoreException e) {
      return Double.NaN; // a rebalance began
    }
  }
}
