package com.kafkaledger.bench.ledger;

import com.kafkaledger.processor.core.LedgerCore;
import com.kafkaledger.processor.stream.LedgerMetrics;
import com.kafkaledger.processor.stream.LedgerTopology;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** The real ledger topology, wired as ledger-processor's ProcessorConfiguration wires it, without Spring. */
final class LedgerApp {

  private LedgerApp() {}

  static Topology topology(ProcessorConfig config, String legSigningKey) {
    StreamsBuilder builder = new StreamsBuilder();
    LedgerTopology.define(builder, new LedgerCore(config.defaultOverdraftLimit()),
        new LedgerTopology.Settings(config.idempotencyRetention(), config.totalsInterval(), legSigningKey,
            List.of(), config.accountsInMemory(), config.decidedIdsPerTask()),
        // the registry the service exposes on /actuator/prometheus: its counters cost what they cost there
        new LedgerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
    return builder.build();
  }

  /** A fresh key for the legs the ledger signs (at least 32 bytes, like LEDGER_LEG_SIGNING_KEY). */
  static String newLegSigningKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
