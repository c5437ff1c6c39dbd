package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerJson;
import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.events.Topics;
import com.kafkaledger.processor.core.LedgerCore;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** The ledger's stream wiring, in one place. */
public final class LedgerTopology {

  private LedgerTopology() {}

  /**
   * @param idempotencyRetention how long decided commands are remembered (stream time)
   * @param totalsInterval how often each partition publishes its totals
   * @param legSigningKey the key the ledger signs and checks its own transfer legs with
   * @param acceptedLegKeys other keys whose signatures on a leg are accepted (the other key while the
   *     signing key is rotated); none is used to sign
   * @param accountsInMemory the accounts store on the heap (else in RocksDB); changelogged either way
   * @param decidedIdsPerTask how many decided ids each task's in-memory filters hold (2 bytes of heap
   *     each) before they forget the oldest; at least {@link #MIN_DECIDED_IDS_PER_TASK}
   */
  public record Settings(Duration idempotencyRetention, Duration totalsInterval, String legSigningKey,
      List<String> acceptedLegKeys, boolean accountsInMemory, long decidedIdsPerTask) {}

  /** One filter's worth: fewer would leave a task nothing to hold. */
  public static final long MIN_DECIDED_IDS_PER_TASK = DecidedIds.KEYS_PER_FILTER;

  public static void define(StreamsBuilder builder, LedgerCore core, Settings settings, LedgerMetrics metrics) {
    define(builder, core, settings, metrics, DecidedIds.KEYS_PER_FILTER);
  }

  /** With smaller decided-id filters than production's, so that a test can pass their cap quickly. */
  static void define(StreamsBuilder builder, LedgerCore core, Settings settings, LedgerMetrics metrics,
      int decidedIdsPerFilter) {
    LegSignatures signatures = new LegSignatures(settings.legSigningKey(), settings.acceptedLegKeys());
    builder.addStateStore(LedgerStores.accounts(settings.accountsInMemory()));
    builder.addStateStore(LedgerStores.processedTransactions(settings.idempotencyRetention()));
    builder.addStateStore(LedgerStores.totals());

    builder
        // Commands keyed by account: one account, one partition, one task at a time. Read as
        // bytes: the processor deserialises them, so an unreadable one can go to the dead letters.
        .stream(Topics.COMMANDS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        // Decide each command against the account's state: one event, maybe the next leg; or
        // pass a record it cannot use on to the dead-letter topic.
        .process(() -> new CommandProcessor(core, settings, decidedIdsPerFilter, signatures, metrics),
            LedgerStores.ACCOUNTS, LedgerStores.PROCESSED_TRANSACTIONS, LedgerStores.TOTALS)
        // Events, next legs, totals and dead letters go out in the same transaction as the
        // state changes.
        .to((key, value, context) -> topicOf(value), Produced.with(Serdes.String(), outboundValues()));
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
    if (outbound instanceof DeadLetter) {
      return Topics.COMMANDS_DEAD_LETTER;
    }
    throw new IllegalStateException("nothing should send a " + outbound.getClass());
  }

  /** Dead letters as the bytes they arrived with, everything else as the contract's JSON. */
  private static Serde<Object> outboundValues() {
    return Serdes.serdeFrom(
        (topic, value) -> {
          if (value instanceof DeadLetter deadLetter) {
            return deadLetter.originalValue();
          }
          return value == null ? null : LedgerJson.toBytes(value);
        },
        (topic, bytes) -> {
          throw new UnsupportedOperationException("the ledger only writes " + topic);
        });
  }
}
