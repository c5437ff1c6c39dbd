package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import com.kafkaledger.view.BalanceViewApplication;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Dropping the database and starting again rebuilds the view from the topics: the database, not
 * the consumer group (which has committed offsets by now), decides where the projection starts.
 */
class RebuildTest extends BalanceViewIntegrationTest {

  private static final List<String> TABLES = List.of(
      "SELECT * FROM accounts ORDER BY account_id",
      "SELECT * FROM account_entries ORDER BY account_id, sequence",
      "SELECT * FROM transactions ORDER BY transaction_id",
      "SELECT * FROM projection_offsets ORDER BY topic, partition");

  @Autowired
  private KafkaListenerEndpointRegistry listeners;

  @Test
  void freshDatabaseAndRestartProjectsTheSameRowsFromTheStartOfTheTopics() {
    TestAccount account = TestAccount.inNewCurrency();
    String transactionId = TestAccount.newTransactionId();
    awaitProjected(topics.publishCommand(account.depositCommand(transactionId, 80, "rebuilt")));
    project(account.opened(), account.deposited(transactionId, 80, "rebuilt"),
        account.rejectedWithdrawal(500, RejectionReason.INSUFFICIENT_FUNDS), account.withdrawn(20));

    listeners.stop();
    try {
      List<List<Map<String, Object>>> original = contentsOf(jdbc);
      PostgresCoordinates emptyDatabase = TestInfrastructure.newDatabase("view_test_rebuilt");
      try (ConfigurableApplicationContext restarted = startViewOn(emptyDatabase)) {
        JdbcTemplate rebuilt = restarted.getBean(JdbcTemplate.class);
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
            assertThat(rebuilt.queryForList(TABLES.get(3))).isEqualTo(original.get(3)));
        assertThat(contentsOf(rebuilt)).isEqualTo(original);
      }
    } finally {
      listeners.start();
    }
  }

  /**
   * Another instance of the service, in the same consumer groups as the one under test. Settings
   * as arguments: they outrank balance-view.yml, whose defaults point at a local cluster.
   */
  private static ConfigurableApplicationContext startViewOn(PostgresCoordinates database) {
    return BalanceViewApplication.builder().run(
        "--server.port=0",
        "--ledger.view.internal-token=" + INTERNAL_TOKEN,
        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
        "--spring.datasource.url=" + database.jdbcUrl(),
        "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password());
  }

  private static List<List<Map<String, Object>>> contentsOf(JdbcTemplate database) {
    return TABLES.stream().map(database::queryForList).toList();
  }
}
