package com.kafkaledger.processor.stream;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.Topics;
import com.kafkaledger.processor.core.LedgerCore;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** The ledger's stream wiring, in one place. */
public final class LedgerTopology {

  private LedgerTopology() {}

  public static void define(StreamsBuilder builder, LedgerCore core, Duration idempotencyRetention,
      LedgerMetrics metrics) {
    builder.addStateStore(LedgerStores.accounts());
    builder.addStateStore(LedgerStores.processedTransactions(idempotencyRetention));

    builder
        // Commands keyed by account: one account, one partition, one task at a time.
        .stream(Topics.COMMANDS, Consumed.with(Serdes.String(), JsonSerde.commands()))
        // Decide each command against the account's state; exactly one event per decision.
        .process(() -> new CommandProcessor(core, idempotencyRetention, metrics),
            LedgerStores.ACCOUNTS, LedgerStores.PROCESSED_TRANSACTIONS)
        // Events keyed by account, committed in the same transaction as the state.
        .to(Topics.EVENTS, Produced.with(Serdes.String(), JsonSerde.events()));
  }
}
