package com.kafkaledger.view.account;

import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

class AccountApiTest extends BalanceViewIntegrationTest {

  @Test
  void accountHasTheDocumentedShape() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened(), account.deposited(1_250));

    api.get().uri("/api/v1/accounts/{id}", account.id).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("""
            {"accountId": "%s", "ownerId": "%s", "kind": "CUSTOMER", "currency": "%s",
             "balance": 1250, "overdraftLimit": 0, "availableBalance": 1250, "status": "OPEN",
             "version": 2, "updatedAt": "%s"}
            """.formatted(account.id, account.ownerId, account.currency, account.timeOf(2)),
            JsonCompareMode.STRICT);
  }

  @Test
  void ownersAccountsAreListedInTheOrderTheyWereOpened() {
    String owner = "owner-" + UUID.randomUUID();
    TestAccount first = TestAccount.of(owner, "EUR");
    TestAccount second = TestAccount.of(owner, "USD");
    TestAccount someoneElses = TestAccount.of("owner-" + UUID.randomUUID(), "EUR");
    project(first.opened(), second.opened(), second.deposited(9), someoneElses.opened());

    api.get().uri("/api/v1/accounts?ownerId={owner}", owner).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.accounts.length()").isEqualTo(2)
        .jsonPath("$.accounts[0].accountId").isEqualTo(first.id)
        .jsonPath("$.accounts[1].accountId").isEqualTo(second.id)
        .jsonPath("$.accounts[1].balance").isEqualTo(9);
  }

  @Test
  void openCountLeavesOutClosedAccountsAndOtherOwners() {
    String owner = "owner-" + UUID.randomUUID();
    TestAccount open = TestAccount.of(owner, "EUR");
    TestAccount alsoOpen = TestAccount.of(owner, "USD");
    TestAccount closed = TestAccount.of(owner, "GBP");
    TestAccount someoneElses = TestAccount.of("owner-" + UUID.randomUUID(), "EUR");
    project(open.opened(), alsoOpen.opened(), closed.opened(), closed.closed(), someoneElses.opened());

    api.get().uri("/api/v1/accounts/open-count?ownerId={owner}", owner).exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"open\": 2, \"merchant\": false}", JsonCompareMode.STRICT);
  }

  @Test
  void openCountSaysWhenTheOwnerIsAMerchant() {
    String merchant = "merchant-" + UUID.randomUUID();
    project(TestAccount.merchant(merchant, "EUR").opened());

    api.get().uri("/api/v1/accounts/open-count?ownerId={owner}", merchant).exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"open\": 1, \"merchant\": true}", JsonCompareMode.STRICT);
    api.get().uri("/api/v1/accounts/open-count?ownerId=nobody-" + UUID.randomUUID()).exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"open\": 0, \"merchant\": false}", JsonCompareMode.STRICT);
  }

  @Test
  void ownerWithoutAccountsHasAnEmptyList() {
    api.get().uri("/api/v1/accounts?ownerId=nobody-" + UUID.randomUUID()).exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"accounts\": []}", JsonCompareMode.STRICT);
  }

  @Test
  void unknownAccountIsNotFoundProblem() {
    api.get().uri("/api/v1/accounts/{id}", UUID.randomUUID()).exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(404)
        .jsonPath("$.title").isEqualTo("Not Found");
  }

  @Test
  void malformedAccountIdIsBadRequestNamingTheParameter() {
    api.get().uri("/api/v1/accounts/not-a-uuid").exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.parameter").isEqualTo("accountId");
  }

  @Test
  void listingWithoutOwnerIsBadRequestNamingTheParameter() {
    api.get().uri("/api/v1/accounts").exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.parameter").isEqualTo("ownerId");
  }
}
