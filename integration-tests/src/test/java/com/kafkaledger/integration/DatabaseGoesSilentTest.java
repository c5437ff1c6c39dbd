package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database host goes silent under load (a crash or a cut network: no reset), and then answers
 * again at its address on new connections, as after a restart or a fail-over. Every keyed
 * submission needs the gateway's database (its claim), and the view projects into its own. Both
 * must give up the connections that went silent and go on with new ones; the clients' retries
 * with the same keys then move each deposit's money exactly once, and the view shows it.
 */
class DatabaseGoesSilentTest {

  private static final Logger log = LoggerFactory.getLogger(DatabaseGoesSilentTest.class);
  private static final int KEYED_CLIENTS = 12;
  private static final int UNKEYED_CLIENTS = 4;

  @Test
  void theGatewayAndTheViewRecoverOnNewConnectionsAndEveryKeyDepositsOnce() throws Exception {
    URI server = URI.create(TestInfrastructure.postgres().jdbcUrl().substring("jdbc:".length()));
    try (SilencingTcpRelay relay = new SilencingTcpRelay(server.getHost(), server.getPort());
        Pipeline pipeline = new Pipeline("database_silent", 1_000, relay.address())) {
      LedgerClient client = new LedgerClient(pipeline.gatewayUrl());
      String account = client.openAccount("EUR");
      String unkeyedAccount = client.openAccount("EUR");
      Deposits deposits = new Deposits(client, account);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong unkeyedAccepted = new AtomicLong();
      List<String> unkeyedRefused = new CopyOnWriteArrayList<>();
      ExecutorService clients = Executors.newFixedThreadPool(KEYED_CLIENTS + UNKEYED_CLIENTS, task -> {
        Thread thread = new Thread(task, "silent-database-client");
        thread.setDaemon(true);
        return thread;
      });
      long silencedAt;
      try {
        for (int c = 0; c < KEYED_CLIENTS; c++) {
          int clientNumber = c;
          clients.execute(() -> {
            for (int n = 0; !stop.get(); n++) {
              deposits.send("load-" + clientNumber + "-" + n);
            }
          });
        }
        // these need no database at the gateway, so the ledger's events, and the view's writes, go on
        for (int c = 0; c < UNKEYED_CLIENTS; c++) {
          clients.execute(() -> {
            while (!stop.get()) {
              try {
                Http.Response answer = client.submit("DEPOSIT", unkeyedAccount, 1, "EUR", Map.of());
                if (answer.status() == 202) {
                  unkeyedAccepted.incrementAndGet();
                } else {
                  unkeyedRefused.add(answer.status() + " " + answer.body());
                }
              } catch (RuntimeException e) {
                unkeyedRefused.add(e.toString());
              }
            }
          });
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deposits.accepted() >= 200);

        relay.silenceOpenConnections();
        silencedAt = System.nanoTime();
        // a deposit under a new key is accepted again: the gateway claimed it on a new connection
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
            .until(() -> deposits.send("probe-" + System.nanoTime()));
        log.info("keyed submissions accepted again {} ms after the database went silent",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silencedAt));
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).as("every client's request was answered").isTrue();
      } finally {
        stop.set(true);
        clients.shutdownNow();
      }

      // as a careful client: each key not answered 202 is sent again, with the same key
      List<String> unanswered = new ArrayList<>(deposits.unanswered);
      for (String key : unanswered) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> deposits.send(key));
      }
      log.info("{} keys, {} of them sent again after the silence; {} deposits without a key", deposits.keys.size(),
          unanswered.size(), unkeyedAccepted.get());
      assertThat(unanswered).as("the silence cost some requests their answer").isNotEmpty();
      assertThat(unkeyedRefused).as("movements without a key need no database at the gateway").isEmpty();

      // the view's projection may have been on a connection that went silent: it must go on on another
      Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> {
            assertThat(client.balance(account)).isEqualTo(deposits.keys.size());
            assertThat(client.balance(unkeyedAccount)).isEqualTo(unkeyedAccepted.get());
          });
      log.info("the view shows every deposit {} ms after the database went silent",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silencedAt));
      client.move("DEPOSIT", account, 1, "EUR"); // a later movement: everything before it is projected
      assertThat(client.balance(account)).as("one per key, whatever answers it had")
          .isEqualTo(deposits.keys.size() + 1);
      client.move("DEPOSIT", unkeyedAccount, 1, "EUR");
      assertThat(client.balance(unkeyedAccount)).as("one per 202").isEqualTo(unkeyedAccepted.get() + 1);
    }
  }

  /** Deposits of 1, each under its own key, and which keys have not been answered 202 (or 200) yet. */
  private record Deposits(LedgerClient client, String account, Set<String> keys, Set<String> unanswered) {

    Deposits(LedgerClient client, String account) {
      this(client, account, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    }

    /** Whether this attempt was accepted. */
    boolean send(String key) {
      if (keys.add(key)) {
        unanswered.add(key);
      }
      try {
        int status = client.submit("DEPOSIT", account, 1, "EUR", Map.of("Idempotency-Key", key)).status();
        if (status == 202 || status == 200) {
          unanswered.remove(key);
          return true;
        }
      } catch (RuntimeException e) {
        // no answer within the client's timeout
      }
      return false;
    }

    int accepted() {
      return keys.size() - unanswered.size();
    }
  }
}
