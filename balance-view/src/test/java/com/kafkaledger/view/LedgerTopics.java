package com.kafkaledger.view;

import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.events.Topics;
import com.kafkaledger.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what the ledger and the gateway would, keyed by account id: events in Kafka
 * transactions as the ledger writes them, commands, totals and raw bytes with a plain producer.
 */
public final class LedgerTopics {

  private static LedgerTopics shared;

  private final KafkaProducer<String, LedgerEvent> events;
  private final KafkaProducer<String, LedgerCommand> commands;
  private final KafkaProducer<String, byte[]> raw;
  private final KafkaProducer<String, LedgerTotals> totals;

  private LedgerTopics(String bootstrapServers) {
    Map<String, Object> plain = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all");
    Map<String, Object> transactional = new HashMap<>(plain);
    transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "balance-view-test-" + UUID.randomUUID());
    events = new KafkaProducer<>(transactional, new StringSerializer(), JsonSerde.events());
    events.initTransactions();
    commands = new KafkaProducer<>(plain, new StringSerializer(), JsonSerde.commands());
    raw = new KafkaProducer<>(plain, new StringSerializer(), new ByteArraySerializer());
    totals = new KafkaProducer<>(plain, new StringSerializer(), JsonSerde.totals());
  }

  /**
   * The broker, with {@link Topics#TOTALS} created compacted as the ledger's deployment creates
   * it (the shared test infrastructure creates only the commands and events topics).
   */
  public static synchronized String bootstrapServers() {
    String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      if (!admin.listTopics().names().get().contains(Topics.TOTALS)) {
        admin.createTopics(List.of(new NewTopic(Topics.TOTALS, TestInfrastructure.PARTITIONS, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
            .all().get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create " + Topics.TOTALS, e.getCause());
    }
    return bootstrapServers;
  }

  /** One per test JVM, like the broker. */
  public static synchronized LedgerTopics shared() {
    if (shared == null) {
      shared = new LedgerTopics(bootstrapServers());
    }
    return shared;
  }

  /** In one Kafka transaction, in order; where each event landed. */
  public synchronized List<RecordMetadata> publishEvents(LedgerEvent... values) {
    events.beginTransaction();
    var sent = new ArrayList<Future<RecordMetadata>>();
    for (LedgerEvent event : values) {
      sent.add(events.send(new ProducerRecord<>(Topics.EVENTS, event.accountId(), event)));
    }
    events.commitTransaction();
    return sent.stream().map(LedgerTopics::landed).toList();
  }

  public synchronized RecordMetadata publishCommand(LedgerCommand command) {
    return landed(commands.send(new ProducerRecord<>(Topics.COMMANDS, command.accountId(), command)));
  }

  /** Each keyed as the ledger keys them, partition/currency. */
  public synchronized void publishTotals(LedgerTotals... values) {
    var sent = new ArrayList<Future<RecordMetadata>>();
    for (LedgerTotals value : values) {
      sent.add(totals.send(new ProducerRecord<>(Topics.TOTALS, value.key(), value)));
    }
    sent.forEach(LedgerTopics::landed);
  }

  /** Whatever bytes, e.g. a value that is not an event at all. */
  public synchronized RecordMetadata publishRawEvent(String key, byte[] value) {
    return landed(raw.send(new ProducerRecord<>(Topics.EVENTS, key, value)));
  }

  private static RecordMetadata landed(Future<RecordMetadata> sent) {
    try {
      return sent.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("publishing failed", e.getCause());
    }
  }
}
