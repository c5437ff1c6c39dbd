package com.kafkaledger.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole service against a real broker and a real PostgreSQL. Every suite extends this one
 * class, so that they share one application context (Spring caches it by configuration).
 */
@SpringBootTest(classes = BalanceViewApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=" + BalanceViewApplication.CONFIG_NAME,
        "ledger.view.internal-token=" + BalanceViewIntegrationTest.INTERNAL_TOKEN})
public abstract class BalanceViewIntegrationTest {

  /** What the gateway sends; {@link #api} sends it with every request. */
  protected static final String INTERNAL_TOKEN = "view-test-internal-token";
  protected static final String INTERNAL_TOKEN_HEADER = "X-Ledger-Internal-Token";
  protected static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(60);
  protected static final PostgresCoordinates DATABASE = TestInfrastructure.newDatabase("view_test");

  protected final LedgerTopics topics = LedgerTopics.shared();
  protected RestTestClient api;

  @Autowired
  protected JdbcTemplate jdbc;

  @LocalServerPort
  private int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", LedgerTopics::bootstrapServers);
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @BeforeEach
  void connectClient() {
    api = RestTestClient.bindToServer().baseUrl(baseUrl())
        .defaultHeader(INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN)
        .build();
  }

  /** A client that is not the gateway: it does not know the internal token. */
  protected RestTestClient clientWithoutToken() {
    return RestTestClient.bindToServer().baseUrl(baseUrl()).build();
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Waits until the projection has stored these records (and everything before them). */
  protected void awaitProjected(List<RecordMetadata> records) {
    records.forEach(this::awaitProjected);
  }

  protected void awaitProjected(RecordMetadata record) {
    await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> assertThat(jdbc.queryForList(
        "SELECT next_offset FROM projection_offsets WHERE topic = ? AND partition = ?", Long.class,
        record.topic(), record.partition()))
        .singleElement().satisfies(next -> assertThat(next).isGreaterThan(record.offset())));
  }

  /** Publishes the events in one Kafka transaction and waits until they are projected. */
  protected void project(LedgerEvent... events) {
    awaitProjected(topics.publishEvents(events));
  }
}
