package com.kafkaledger.view.transaction;

import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

class TransactionApiTest extends BalanceViewIntegrationTest {

  @Test
  void completedWithdrawalHasTheDocumentedShape() {
    TestAccount account = TestAccount.inNewCurrency();
    LedgerEvent opened = account.opened();
    LedgerEvent deposited = account.deposited(100);
    LedgerEvent withdrawn = account.withdrawn(60);
    project(opened, deposited, withdrawn);

    api.get().uri("/api/v1/transactions/{id}", withdrawn.transactionId()).exchange()
        .expectStatus().isOk()
        .expectBody().json("""
            {"transactionId": "%s", "type": "WITHDRAWAL", "status": "COMPLETED", "reason": null,
             "amount": 60, "currency": "%s", "fromAccountId": "%s", "toAccountId": "%s",
             "description": null, "createdAt": "%s", "completedAt": "%s"}
            """.formatted(withdrawn.transactionId(), account.currency, account.id,
                account.systemAccountId(), withdrawn.occurredAt(), withdrawn.occurredAt()),
            JsonCompareMode.STRICT);
    api.get().uri("/api/v1/transactions/{id}", opened.transactionId()).exchange()
        .expectBody()
        .jsonPath("$.type").isEqualTo("OPEN_ACCOUNT")
        .jsonPath("$.fromAccountId").isEmpty()
        .jsonPath("$.toAccountId").isEqualTo(account.id);
  }

  @Test
  void internalViewAddsFingerprintAndInitiator() {
    TestAccount account = TestAccount.inNewCurrency();
    LedgerEvent opened = account.opened();
    project(opened);

    api.get().uri("/internal/v1/transactions/{id}", opened.transactionId()).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.transactionId").isEqualTo(opened.transactionId())
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.initiatorId").isEqualTo(account.ownerId)
        .jsonPath("$.fingerprint").isEmpty();
  }

  @Test
  void lookupAnswersTheKnownTransactionsOfManyWithTheirFingerprints() {
    TestAccount account = TestAccount.inNewCurrency();
    LedgerEvent opened = account.opened();
    LedgerEvent deposited = account.deposited(100);
    project(opened, deposited);

    api.post().uri("/internal/v1/transactions/lookup").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("transactionIds", List.of(opened.transactionId(), UUID.randomUUID().toString(),
            deposited.transactionId())))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.transactions.length()").isEqualTo(2)
        .jsonPath("$.transactions[?(@.transactionId == '%s')].type".formatted(deposited.transactionId()))
        .isEqualTo(List.of("DEPOSIT"))
        .jsonPath("$.transactions[?(@.transactionId == '%s')].initiatorId".formatted(opened.transactionId()))
        .isEqualTo(List.of(account.ownerId));
  }

  @Test
  void lookupRefusesMoreIdsThanTheLimit() {
    List<String> ids = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString())
        .limit(TransactionController.MAX_LOOKUP + 1).toList();
    api.post().uri("/internal/v1/transactions/lookup").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("transactionIds", ids))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.parameter").isEqualTo("transactionIds");
  }

  @Test
  void unknownTransactionIsNotFoundProblem() {
    for (String path : new String[] {"/api/v1/transactions/{id}", "/internal/v1/transactions/{id}"}) {
      api.get().uri(path, UUID.randomUUID()).exchange()
          .expectStatus().isNotFound()
          .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody().jsonPath("$.status").isEqualTo(404);
    }
  }

  @Test
  void malformedTransactionIdIsBadRequestNamingTheParameter() {
    api.get().uri("/api/v1/transactions/12345").exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.parameter").isEqualTo("transactionId");
  }
}
