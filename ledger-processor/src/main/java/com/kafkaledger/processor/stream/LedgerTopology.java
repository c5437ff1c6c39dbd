package com.kafkaledger.processor.stream;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
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
      Duration totalsInterval, LedgerMetrics metrics) {
    builder.addStateStore(LedgerStores.accounts());
    builder.addStateStore(LedgerStores.processedTransactions(idempotencyRetention));
    builder.addStateStore(LedgerStores.totals());

    builder
        // Commands keyed by account: one account, one partition, one task at a time.
        .stream(Topics.COMMANDS, Consumed.with(Serdes.String(), JsonSerde.commands()))
        // Decide each command against the account's state: one event, maybe the next leg.
        .process(() -> new CommandProcessor(core, idempotencyRetention, totalsInterval, metrics),
            LedgerStores.ACCOUNTS, LedgerStores.PROCESSED_TRANSACTIONS, LedgerStores.TOTALS)
        // Events, next legs and totals go out in the same transaction as the state changes.
        .to((key, value, context) -> topicOf(value),
            Produced.with(Serdes.String(), new JsonSerde<>(Object.class)));
  }

  private static String topicOf(Object outbound) {
    if (outbound instanceof LedgerEvent) {
      return Topics.EVENTS;
    }
    if (outbound instanceof LedgerCommand) {
      return Topics.COMMANDS;
    }
    if (outbound instanceof LedgerTotals) {
      return Topics.TOTALS;
    }
    throw new IllegalStateException("nothing should send a " + outbound.getClass());
  }
}
