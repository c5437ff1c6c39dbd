package com.kafkaledger.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.gateway.idempotency.IdempotencyClaims.Claim;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The claims of keyed transaction ids on a real PostgreSQL, as several gateway instances share them. */
class IdempotencyClaimsTest {

  private static final Duration RETENTION = Duration.ofHours(25);
  private static DataSource database;

  @BeforeAll
  static void migrate() {
    PostgresCoordinates coordinates = TestInfrastructure.newDatabase("idempotency_claims");
    database = new DriverManagerDataSource(coordinates.jdbcUrl() + "?currentSchema=gateway",
        coordinates.username(), coordinates.password());
    Flyway.configure().dataSource(database).schemas("gateway").defaultSchema("gateway").createSchemas(true)
        .locations("classpath:db/gateway").load().migrate();
  }

  @Test
  void aRetryOfTheClaimedRequestAtAnotherInstanceGoesOnAndAnotherRequestUnderTheKeyIsReuse() {
    IdempotencyClaims one = instance(RETENTION);
    IdempotencyClaims other = instance(RETENTION);
    String id = newId();

    assertThat(one.claim(List.of(deposit(id, 100)))).containsExactly(entry(id, Claim.NEW));
    assertThat(other.claim(List.of(deposit(id, 100)))).containsExactly(entry(id, Claim.SAME));
    assertThat(other.claim(List.of(deposit(id, 101)))).containsExactly(entry(id, Claim.OTHER));
    assertThat(one.claim(List.of(deposit(id, 100)))).as("the first request still holds the key")
        .containsExactly(entry(id, Claim.SAME));
  }

  @Test
  void aBatchIsClaimedAtOnceEachIdForItsOwnRequest() {
    IdempotencyClaims claims = instance(RETENTION);
    String reused = newId();
    String retried = newId();
    claims.claim(List.of(deposit(reused, 1), deposit(retried, 2)));
    String fresh = newId();

    Map<String, Claim> answer = claims.claim(List.of(deposit(fresh, 3), deposit(reused, 99), deposit(retried, 2)));

    assertThat(answer).containsOnly(entry(fresh, Claim.NEW), entry(reused, Claim.OTHER), entry(retried, Claim.SAME));
    assertThat(claims.claim(List.of(deposit(fresh, 4)))).as("the new id was claimed for its request")
        .containsExactly(entry(fresh, Claim.OTHER));
  }

  @Test
  void twoInstancesClaimingOneIdForDifferentRequestsAtOnceLetExactlyOneThrough() throws Exception {
    IdempotencyClaims one = instance(RETENTION);
    IdempotencyClaims other = instance(RETENTION);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 30; round++) {
        String id = newId();
        // other ids around it, in both orders, as two batches would bring them
        String before = newId();
        String after = newId();
        CountDownLatch go = new CountDownLatch(1);
        Future<Map<String, Claim>> first = instances.submit(() -> {
          go.await();
          return one.claim(List.of(deposit(before, 1), deposit(id, 1), deposit(after, 1)));
        });
        Future<Map<String, Claim>> second = instances.submit(() -> {
          go.await();
          return other.claim(List.of(deposit(after, 1), deposit(id, 2), deposit(before, 1)));
        });
        go.countDown();

        assertThat(List.of(first.get().get(id), second.get().get(id))).as("round %d", round)
            .containsExactlyInAnyOrder(Claim.NEW, Claim.OTHER);
        assertThat(List.of(first.get().get(before), second.get().get(before))).as("round %d", round)
            .containsExactlyInAnyOrder(Claim.NEW, Claim.SAME);
      }
    } finally {
      instances.shutdownNow();
    }
  }

  @Test
  void aClaimedIdIsItsSubmittersOnlyExceptAClaimOfAnOlderInstanceWithoutItsInitiator() {
    IdempotencyClaims claims = instance(RETENTION);
    String id = newId();
    claims.claim(List.of(deposit(id, 1)));
    String claimedByAnOlderInstance = newId();
    new JdbcTemplate(database).update("INSERT INTO idempotency_claims (transaction_id, fingerprint) "
        + "VALUES (?::uuid, decode('00', 'hex'))", claimedByAnOlderInstance);

    assertThat(claims.isClaimedBy(id, "caller")).isTrue();
    assertThat(instance(RETENTION).isClaimedBy(id, "caller")).as("at another instance").isTrue();
    assertThat(claims.isClaimedBy(id, "stranger")).isFalse();
    assertThat(claims.isClaimedBy(newId(), "caller")).as("never claimed").isFalse();
    assertThat(claims.isClaimedBy(claimedByAnOlderInstance, "stranger")).isTrue();
  }

  @Test
  void expiredClaimsAreForgottenAndTheKeyIsFreeAgain() {
    IdempotencyClaims claims = instance(Duration.ZERO);
    String id = newId();
    claims.claim(List.of(deposit(id, 1)));

    claims.forgetExpired();

    assertThat(claims.claim(List.of(deposit(id, 2)))).containsExactly(entry(id, Claim.NEW));
    assertThat(instance(RETENTION).claim(List.of(deposit(id, 1)))).as("now claimed by the second request")
        .containsExactly(entry(id, Claim.OTHER));
  }

  private static IdempotencyClaims instance(Duration retention) {
    return new IdempotencyClaims(database, retention, Duration.ofSeconds(5), new SimpleMeterRegistry());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  private static LedgerCommand deposit(String transactionId, long amount) {
    String account = "6f1c2b9e-0000-4000-8000-000000000001";
    return new LedgerCommand(LedgerCommand.SCHEMA_VERSION, transactionId, CommandType.DEPOSIT, account, "caller",
        amount, "EUR", null, IdempotencyKeys.fingerprint("DEPOSIT", account, amount, "EUR"), Instant.now());
  }
}
