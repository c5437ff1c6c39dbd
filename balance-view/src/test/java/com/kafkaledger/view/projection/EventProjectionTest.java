package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.EventType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.events.Topics;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.LedgerTopics;
import com.kafkaledger.view.TestAccount;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

class EventProjectionTest extends BalanceViewIntegrationTest {

  @Autowired
  private MeterRegistry meters;
  @Autowired
  private KafkaListenerEndpointRegistry listeners;
  @Value("${spring.kafka.consumer.group-id}")
  private String groupId;

  @Test
  void depositThenWithdrawalLeavesTheBalanceAfterBoth() {
    TestAccount account = TestAccount.inNewCurrency();

    project(account.opened(), account.deposited(1_000), account.withdrawn(300));

    api.get().uri("/api/v1/accounts/{id}", account.id).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.balance").isEqualTo(700)
        .jsonPath("$.availableBalance").isEqualTo(700)
        .jsonPath("$.version").isEqualTo(3)
        .jsonPath("$.updatedAt").isEqualTo(account.timeOf(3).toString());
  }

  @Test
  void systemAccountHoldsTheNegationSoEachCurrencySumsToZero() {
    TestAccount alice = TestAccount.inNewCurrency();
    TestAccount bob = TestAccount.of("bob", alice.currency);

    project(alice.opened(), alice.deposited(500), alice.withdrawn(100),
        bob.opened(), bob.deposited(200));

    api.get().uri("/api/v1/accounts/{id}", alice.systemAccountId()).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.kind").isEqualTo("SYSTEM")
        .jsonPath("$.ownerId").isEmpty()
        .jsonPath("$.balance").isEqualTo(-600)
        .jsonPath("$.version").isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT SUM(balance) FROM accounts WHERE currency = ?", Long.class,
        alice.currency)).isZero();
  }

  @Test
  void replayingTheSameEventsChangesNothing() {
    TestAccount account = TestAccount.inNewCurrency();
    LedgerEvent[] events = {account.opened(), account.deposited(250), account.withdrawn(50),
        account.rejectedWithdrawal(900, RejectionReason.INSUFFICIENT_FUNDS)};
    project(events);
    Map<String, List<Map<String, Object>>> before = rowsOf(account);

    project(events);
    project(events[1], events[2]);

    assertThat(rowsOf(account)).isEqualTo(before);
    assertThat(before.get("entries")).hasSize(4);
  }

  @Test
  void unreadableRecordsAreSkippedWithoutBlockingThePartition() {
    TestAccount account = TestAccount.inNewCurrency();
    LedgerEvent opened = account.opened();
    LedgerEvent notAUuid = new LedgerEvent(1, "1-1-1-1-1", UUID.randomUUID().toString(),
        CommandType.DEPOSIT, account.id, 7, EventType.DEPOSITED, 5L, account.currency, 5L, 0L, null,
        null, null, null, null, account.timeOf(7), AccountKind.CUSTOMER);

    project(opened);
    topics.publishRawEvent(account.id, "this is not JSON".getBytes(StandardCharsets.UTF_8));
    topics.publishRawEvent(account.id, "{\"type\":\"NO_SUCH_TYPE\"}".getBytes(StandardCharsets.UTF_8));
    topics.publishEvents(notAUuid);
    project(account.deposited(40));

    api.get().uri("/api/v1/accounts/{id}", account.id).exchange()
        .expectBody()
        .jsonPath("$.balance").isEqualTo(40)
        .jsonPath("$.version").isEqualTo(2);
  }

  @Test
  void batchTheDatabaseRefusesIsTriedAgainUntilItIsStored() {
    TestAccount account = TestAccount.inNewCurrency();
    RecordMetadata opened = topics.publishEvents(account.opened()).get(0);
    awaitProjected(opened);
    long recordsBefore = recordsProjected(opened.partition());
    double failuresBefore = failedBatches();
    List<RecordMetadata> published;
    jdbc.execute("ALTER TABLE transactions RENAME TO transactions_unavailable");
    try {
      published = topics.publishEvents(account.deposited(10), account.withdrawn(4));
      await().atMost(PROJECTION_TIMEOUT).until(() -> failedBatches() > failuresBefore);
    } finally {
      jdbc.execute("ALTER TABLE transactions_unavailable RENAME TO transactions");
    }

    awaitProjected(published);

    api.get().uri("/api/v1/accounts/{id}", account.id).exchange()
        .expectBody().jsonPath("$.balance").isEqualTo(6);
    assertThat(recordsProjected(opened.partition())).as("each event counted once, however often tried")
        .isEqualTo(recordsBefore + 2);
  }

  @Test
  void merchantAccountOpensWithItsKind() {
    TestAccount merchant = TestAccount.merchant("shop-" + UUID.randomUUID(), "EUR");

    project(merchant.opened());

    api.get().uri("/api/v1/accounts/{id}", merchant.id).exchange()
        .expectBody().jsonPath("$.kind").isEqualTo("MERCHANT");
  }

  @Test
  void closingAnAccountSetsItsStatusClosed() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened(), account.deposited(20), account.withdrawn(20));
    LedgerEvent closed = account.closed();

    project(closed);

    api.get().uri("/api/v1/accounts/{id}", account.id).exchange()
        .expectBody()
        .jsonPath("$.status").isEqualTo("CLOSED")
        .jsonPath("$.balance").isEqualTo(0)
        .jsonPath("$.version").isEqualTo(4);
    api.get().uri("/api/v1/transactions/{id}", closed.transactionId()).exchange()
        .expectBody()
        .jsonPath("$.type").isEqualTo("CLOSE_ACCOUNT")
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.amount").isEmpty()
        .jsonPath("$.fromAccountId").isEmpty()
        .jsonPath("$.toAccountId").isEqualTo(account.id);
  }

  @Test
  void overdraftLimitChangesTheLimitAndKeepsTheBalance() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened(), account.deposited(70));
    LedgerEvent limitSet = account.overdraftLimitSet(500);

    project(limitSet, account.withdrawn(300));

    api.get().uri("/api/v1/accounts/{id}", account.id).exchange()
        .expectBody()
        .jsonPath("$.overdraftLimit").isEqualTo(500)
        .jsonPath("$.balance").isEqualTo(-230)
        .jsonPath("$.availableBalance").isEqualTo(270)
        .jsonPath("$.status").isEqualTo("OPEN");
    api.get().uri("/api/v1/transactions/{id}", limitSet.transactionId()).exchange()
        .expectBody()
        .jsonPath("$.type").isEqualTo("SET_OVERDRAFT_LIMIT")
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.amount").isEmpty()
        .jsonPath("$.toAccountId").isEqualTo(account.id);
    api.get().uri("/api/v1/accounts/{id}/transactions?limit=2", account.id).exchange()
        .expectBody()
        .jsonPath("$.items[1].eventType").isEqualTo("OVERDRAFT_LIMIT_SET")
        .jsonPath("$.items[1].balanceAfter").isEqualTo(70);
  }

  @Test
  void rejectionForAnAccountThatDoesNotExistOnlyFinishesTheTransaction() {
    String missingAccount = UUID.randomUUID().toString();
    String transactionId = TestAccount.newTransactionId();
    var rejection = new LedgerEvent(1, UUID.randomUUID().toString(), transactionId,
        CommandType.DEPOSIT, missingAccount, 0, EventType.REJECTED, 10L, "EUR", null, null, null,
        RejectionReason.ACCOUNT_NOT_FOUND, null, null, "someone", Instant.parse("2025-03-01T08:00:00Z"),
        null);

    project(rejection);

    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("REJECTED")
        .jsonPath("$.reason").isEqualTo("ACCOUNT_NOT_FOUND")
        .jsonPath("$.toAccountId").isEqualTo(missingAccount);
    api.get().uri("/api/v1/accounts/{id}", missingAccount).exchange().expectStatus().isNotFound();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_entries WHERE account_id = ?::uuid",
        Long.class, missingAccount)).isZero();
  }

  /**
   * Lag tools read the group's committed offsets: committed on a timer rather than after every
   * poll, they still reach the projected position within a few seconds.
   */
  @Test
  void theGroupsCommittedOffsetReachesTheProjectedPosition() throws Exception {
    MessageListenerContainer container = listeners.getListenerContainer(EventProjectionListener.LISTENER_ID);
    assertThat(container.getContainerProperties().getAckMode()).isEqualTo(ContainerProperties.AckMode.TIME);
    TestAccount account = TestAccount.inNewCurrency();
    List<RecordMetadata> published = topics.publishEvents(account.opened(), account.deposited(40));
    RecordMetadata last = published.get(published.size() - 1);
    awaitProjected(last);

    TopicPartition partition = new TopicPartition(last.topic(), last.partition());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LedgerTopics.bootstrapServers()))) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
            .get(partition);
        assertThat(committed).isNotNull();
        assertThat(committed.offset()).isGreaterThan(last.offset());
      });
    }
  }

  private long recordsProjected(int partition) {
    return jdbc.queryForObject("SELECT records_projected FROM projection_offsets WHERE topic = ? AND partition = ?",
        Long.class, Topics.EVENTS, partition);
  }

  private double failedBatches() {
    return meters.counter("balance.view.batch.failures", "topic", Topics.EVENTS).count();
  }

  private Map<String, List<Map<String, Object>>> rowsOf(TestAccount account) {
    return Map.of(
        "account", jdbc.queryForList("SELECT * FROM accounts WHERE account_id = ?::uuid", account.id),
        "system", jdbc.queryForList("SELECT * FROM accounts WHERE account_id = ?::uuid",
            account.systemAccountId()),
        "entries", jdbc.queryForList(
            "SELECT * FROM account_entries WHERE account_id = ?::uuid ORDER BY sequence", account.id),
        "transactions", jdbc.queryForList("""
            SELECT * FROM transactions WHERE transaction_id IN
                (SELECT transaction_id FROM account_entries WHERE account_id = ?::uuid)
            ORDER BY transaction_id""", account.id));
  }
}
