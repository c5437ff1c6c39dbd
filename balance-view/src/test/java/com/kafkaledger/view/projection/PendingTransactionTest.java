package com.kafkaledger.view.projection;

import static org.awaitility.Awaitility.await;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingTransactionTest extends BalanceViewIntegrationTest {

  @Test
  void acceptedCommandIsPendingUntilItsEventCompletesIt() {
    TestAccount account = TestAccount.inNewCurrency();
    project(account.opened());
    String transactionId = TestAccount.newTransactionId();
    LedgerCommand command = account.depositCommand(transactionId, 75, "salary");

    awaitProjected(topics.publishCommand(command));

    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("PENDING")
        .jsonPath("$.type").isEqualTo("DEPOSIT")
        .jsonPath("$.amount").isEqualTo(75)
        .jsonPath("$.toAccountId").isEqualTo(account.id)
        .jsonPath("$.fromAccountId").isEqualTo(account.systemAccountId())
        .jsonPath("$.createdAt").isEqualTo(command.requestedAt().toString())
        .jsonPath("$.completedAt").isEmpty();

    LedgerEvent deposited = account.deposited(transactionId, 75, "salary");
    project(deposited);

    api.get().uri("/internal/v1/transactions/{id}", transactionId).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.reason").isEmpty()
        .jsonPath("$.createdAt").isEqualTo(command.requestedAt().toString())
        .jsonPath("$.completedAt").isEqualTo(deposited.occurredAt().toString())
        .jsonPath("$.fingerprint").isEqualTo(command.fingerprint())
        .jsonPath("$.initiatorId").isEqualTo(account.ownerId);
  }

  @Test
  void commandReadAfterItsEventLeavesTheTransactionCompleted() {
    TestAccount account = TestAccount.inNewCurrency();
    String transactionId = TestAccount.newTransactionId();
    LedgerCommand command = account.depositCommand(transactionId, 30, null);
    project(account.opened(), account.deposited(transactionId, 30, null));

    awaitProjected(topics.publishCommand(command));

    api.get().uri("/internal/v1/transactions/{id}", transactionId).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.fingerprint").isEqualTo(command.fingerprint());
  }

  @Test
  void pendingTransactionIsVisibleBeforeTheLedgerHasSeenIt() {
    TestAccount account = TestAccount.inNewCurrency();
    String transactionId = TestAccount.newTransactionId();

    topics.publishCommand(account.depositCommand(transactionId, 5, null));

    await().atMost(PROJECTION_TIMEOUT).untilAsserted(() ->
        api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("PENDING"));
  }

  @Test
  void transferCommandIsPendingFromSourceToDestination() {
    TestAccount source = TestAccount.inNewCurrency();
    TestAccount destination = TestAccount.of("owner-" + UUID.randomUUID(), source.currency);
    String transactionId = TestAccount.newTransactionId();
    LedgerCommand debit = source.debitCommand(transactionId, CommandType.TRANSFER, destination, 90, "lunch");

    awaitProjected(topics.publishCommand(debit));

    api.get().uri("/internal/v1/transactions/{id}", transactionId).exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.status").isEqualTo("PENDING")
        .jsonPath("$.type").isEqualTo("TRANSFER")
        .jsonPath("$.amount").isEqualTo(90)
        .jsonPath("$.fromAccountId").isEqualTo(source.id)
        .jsonPath("$.toAccountId").isEqualTo(destination.id)
        .jsonPath("$.description").isEqualTo("lunch")
        .jsonPath("$.fingerprint").isEqualTo(debit.fingerprint());
  }

  @Test
  void creditAndReversalLegsOpenNoTransaction() {
    TestAccount source = TestAccount.inNewCurrency();
    TestAccount destination = TestAccount.of("owner-" + UUID.randomUUID(), source.currency);
    String transactionId = TestAccount.newTransactionId();
    LedgerCommand debit = source.debitCommand(transactionId, CommandType.TRANSFER, destination, 90, null);

    // the legs the ledger emits, read here without their debit (which went elsewhere)
    awaitProjected(topics.publishCommand(debit.creditLeg()));
    awaitProjected(topics.publishCommand(debit.creditLeg().reversalLeg(RejectionReason.ACCOUNT_CLOSED)));

    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange().expectStatus().isNotFound();
  }
}
