package com.kafkaledger.view.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class HistoryApiTest extends BalanceViewIntegrationTest {

  @Test
  void historyIsNewestFirstWithRejectedAttemptsIncluded() {
    TestAccount account = TestAccount.inNewCurrency();
    LedgerEvent opened = account.opened();
    LedgerEvent deposited = account.deposited(100);
    LedgerEvent rejected = account.rejectedWithdrawal(500, RejectionReason.INSUFFICIENT_FUNDS);
    project(opened, deposited, rejected, account.withdrawn(40));

    api.get().uri("/api/v1/accounts/{id}/transactions", account.id).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.items[*].sequence").isEqualTo(List.of(4, 3, 2, 1))
        .jsonPath("$.items[0].type").isEqualTo("WITHDRAWAL")
        .jsonPath("$.items[0].eventType").isEqualTo("WITHDRAWN")
        .jsonPath("$.items[0].balanceAfter").isEqualTo(60)
        .jsonPath("$.items[1].transactionId").isEqualTo(rejected.transactionId())
        .jsonPath("$.items[1].status").isEqualTo("REJECTED")
        .jsonPath("$.items[1].reason").isEqualTo("INSUFFICIENT_FUNDS")
        .jsonPath("$.items[1].amount").isEqualTo(500)
        .jsonPath("$.items[1].balanceAfter").isEqualTo(100)
        .jsonPath("$.items[2].type").isEqualTo("DEPOSIT")
        .jsonPath("$.items[2].status").isEqualTo("COMPLETED")
        .jsonPath("$.items[2].reason").isEmpty()
        .jsonPath("$.items[2].counterpartyAccountId").isEqualTo(account.systemAccountId())
        .jsonPath("$.items[2].description").isEqualTo("top-up")
        .jsonPath("$.items[2].occurredAt").isEqualTo(deposited.occurredAt().toString())
        .jsonPath("$.items[3].eventType").isEqualTo("ACCOUNT_OPENED")
        .jsonPath("$.nextCursor").isEmpty();
  }

  @Test
  void cursorWalksThroughEveryPageOnce() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened(), account.deposited(1), account.deposited(2), account.deposited(3),
        account.deposited(4), account.deposited(5), account.deposited(6));

    String second = page(account, null, 3, List.of(7, 6, 5));
    String third = page(account, second, 3, List.of(4, 3, 2));
    String none = page(account, third, 3, List.of(1));

    assertThat(none).isNull();
  }

  @Test
  void cursorPagesStayStableWhileNewEntriesArrive() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened(), account.deposited(1), account.deposited(2), account.deposited(3),
        account.deposited(4), account.deposited(5), account.deposited(6));
    String second = page(account, null, 3, List.of(7, 6, 5));

    project(account.deposited(7), account.withdrawn(2), account.deposited(8));

    String third = page(account, second, 3, List.of(4, 3, 2));
    assertThat(page(account, third, 3, List.of(1))).isNull();
    page(account, null, 3, List.of(10, 9, 8));
  }

  @Test
  void statusAndTimeFiltersNarrowTheHistory() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened(), account.rejectedWithdrawal(5, RejectionReason.INSUFFICIENT_FUNDS),
        account.deposited(10), account.rejectedWithdrawal(50, RejectionReason.INSUFFICIENT_FUNDS));

    api.get().uri("/api/v1/accounts/{id}/transactions?status=REJECTED", account.id).exchange()
        .expectBody().jsonPath("$.items[*].sequence").isEqualTo(List.of(4, 2));
    api.get().uri("/api/v1/accounts/{id}/transactions?from={from}&to={to}", account.id,
            account.timeOf(2), account.timeOf(4)).exchange()
        .expectBody().jsonPath("$.items[*].sequence").isEqualTo(List.of(3, 2));
  }

  @Test
  void limitOutsideOneToHundredIsBadRequestNamingIt() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());

    for (String limit : new String[] {"0", "101", "ten"}) {
      api.get().uri("/api/v1/accounts/{id}/transactions?limit={limit}", account.id, limit).exchange()
          .expectStatus().isBadRequest()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.parameter").isEqualTo("limit")
          .jsonPath("$.errors[0].field").isEqualTo("limit");
    }
  }

  @Test
  void malformedCursorIsBadRequestNamingIt() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());

    for (String cursor : new String[] {"%%%", "bm90LWEtbnVtYmVy", "MA"}) {
      api.get().uri("/api/v1/accounts/{id}/transactions?cursor={cursor}", account.id, cursor).exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.parameter").isEqualTo("cursor");
    }
  }

  @Test
  void historyOfUnknownAccountIsNotFound() {
    api.get().uri("/api/v1/accounts/{id}/transactions", UUID.randomUUID()).exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  /** Asserts one page's sequences and returns its cursor to the next page. */
  private String page(TestAccount account, String cursor, int limit, List<Integer> sequences) {
    String uri = "/api/v1/accounts/{id}/transactions?limit={limit}" + (cursor == null ? "" : "&cursor=" + cursor);
    var body = api.get().uri(uri, account.id, limit).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.items[*].sequence").isEqualTo(sequences);
    return JsonPath.read(new String(body.returnResult().getResponseBody(),
        StandardCharsets.UTF_8), "$.nextCursor");
  }
}
