package com.kafkaledger.processor;

import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.processor.stream.LedgerMetrics;
import com.kafkaledger.processor.stream.LedgerTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ProcessorConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProcessorConfiguration.class);

  @Bean
  LedgerCore ledgerCore(@Value("${ledger.processor.default-overdraft-limit}") long defaultOverdraftLimit) {
    return new LedgerCore(defaultOverdraftLimit);
  }

  @Bean
  LedgerMetrics ledgerMetrics(MeterRegistry registry) {
    return new LedgerMetrics(registry);
  }

  @Bean
  Object ledgerTopology(StreamsBuilder builder, LedgerCore core, LedgerMetrics metrics,
      @Value("${ledger.processor.idempotency-retention}") Duration idempotencyRetention,
      @Value("${ledger.processor.totals-interval}") Duration totalsInterval,
      @Value("${ledger.processor.leg-signing-key}") String legSigningKey,
      @Value("${ledger.processor.leg-accepted-keys}") String acceptedLegKeys,
      @Value("${ledger.processor.accounts-in-memory}") boolean accountsInMemory,
      @Value("${ledger.processor.decided-ids-per-task}") long decidedIdsPerTask) {
    if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
      throw new IllegalArgumentException("ledger.processor.idempotency-retention must be at least 24h");
    }
    if (decidedIdsPerTask < LedgerTopology.MIN_DECIDED_IDS_PER_TASK) {
      throw new IllegalArgumentException("ledger.processor.decided-ids-per-task must be at least "
          + LedgerTopology.MIN_DECIDED_IDS_PER_TASK + ", was " + decidedIdsPerTask);
    }
    List<String> acceptedKeys = commaSeparated(acceptedLegKeys);
    if (!acceptedKeys.isEmpty()) {
      log.info("legs signed with any of the {} keys of ledger.processor.leg-accepted-keys are applied too"
          + " (a key rotation); new legs are signed with ledger.processor.leg-signing-key", acceptedKeys.size());
    }
    LedgerTopology.define(builder, core,
        new LedgerTopology.Settings(idempotencyRetention, totalsInterval, legSigningKey, acceptedKeys,
            accountsInMemory, decidedIdsPerTask),
        metrics);
    return LedgerTopology.class;
  }

  static List<String> commaSeparated(String keys) {
    return Arrays.stream(keys.split(",")).map(String::trim).filter(key -> !key.isEmpty()).toList();
  }

  /**
   * A failed stream thread is replaced; exactly-once resumes it from its last commit. A stopping
   * instance leaves the group at once, so its partitions move on without waiting for its session
   * to time out.
   */
  @Bean
  StreamsBuilderFactoryBeanConfigurer streamsLifecycle() {
    return factory -> {
      factory.setStreamsUncaughtExceptionHandler(exception -> StreamThreadExceptionResponse.REPLACE_THREAD);
      factory.setLeaveGroupOnClose(true);
    };
  }
}
