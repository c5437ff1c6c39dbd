package com.kafkaledger.view.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class InternalTokenApiTest extends BalanceViewIntegrationTest {

  private static final String[] READ_PATHS = {"/api/v1/accounts/{id}", "/api/v1/accounts/{id}/transactions",
      "/api/v1/transactions/{id}", "/internal/v1/transactions/{id}"};

  @Test
  void withoutTheHeaderEveryReadIsUnauthorizedProblemThatRevealsNothing() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());

    for (String path : READ_PATHS) {
      byte[] body = clientWithoutToken().get().uri(path, account.id).exchange()
          .expectStatus().isUnauthorized()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.status").isEqualTo(401)
          .jsonPath("$.title").isEqualTo("Unauthorized")
          .returnResult().getResponseBody();
      assertThat(new String(body, StandardCharsets.UTF_8)).as(path)
          .doesNotContain(account.id, INTERNAL_TOKEN_HEADER, "accounts", "transactions");
    }
  }

  @Test
  void aWrongTokenIsUnauthorized() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());
    RestTestClient stranger = clientWithoutToken();

    for (String wrong : new String[] {INTERNAL_TOKEN + "x", INTERNAL_TOKEN.substring(1), "", "v"}) {
      stranger.get().uri("/api/v1/accounts/{id}", account.id).header(INTERNAL_TOKEN_HEADER, wrong).exchange()
          .expectStatus().isUnauthorized()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void theRightTokenReads() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());

    clientWithoutToken().get().uri("/api/v1/accounts/{id}", account.id)
        .header(INTERNAL_TOKEN_HEADER, INTERNAL_TOKEN).exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.accountId").isEqualTo(account.id);
  }

  @Test
  void pathsOutsideTheApiAreRefusedToo() {
    clientWithoutToken().get().uri("/no-such-endpoint").exchange().expectStatus().isUnauthorized();
    // the container normalises the path before the filter sees it
    clientWithoutToken().get().uri("/actuator/../internal/v1/transactions/" + UUID.randomUUID()).exchange()
        .expectStatus().isUnauthorized();
  }

  @Test
  void healthAndMetricsNeedNoToken() {
    clientWithoutToken().get().uri("/actuator/health").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
    clientWithoutToken().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
  }
}
