package com.kafkaledger.view.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerEvent;
import com.kafkaledger.events.RejectionReason;
import com.kafkaledger.view.BalanceViewIntegrationTest;
import com.kafkaledger.view.TestAccount;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two legs of a transfer come from the partitions of two accounts, so the view may read them
 * in either order; the outcome must not depend on it.
 */
class TransferProjectionTest extends BalanceViewIntegrationTest {

  private TestAccount alice;
  private TestAccount bob;
  private String transactionId;

  @BeforeEach
  void twoAccountsOfOneCurrency() {
    alice = TestAccount.inNewCurrency();
    bob = TestAccount.of("owner-" + UUID.randomUUID(), alice.currency);
    transactionId = TestAccount.newTransactionId();
    project(alice.opened(), alice.deposited(1_000), bob.opened());
  }

  @Test
  void inFlightTransferIsPendingWithTheTransitAccountHoldingTheAmount() {
    project(alice.debited(transactionId, CommandType.TRANSFER, bob, 300, "rent"));

    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
        .expectBody()
        .jsonPath("$.status").isEqualTo("PENDING")
        .jsonPath("$.type").isEqualTo("TRANSFER")
        .jsonPath("$.amount").isEqualTo(300)
        .jsonPath("$.fromAccountId").isEqualTo(alice.id)
        .jsonPath("$.toAccountId").isEqualTo(bob.id)
        .jsonPath("$.completedAt").isEmpty();
    api.get().uri("/api/v1/accounts/{id}", alice.transitAccountId()).exchange()
        .expectBody()
        .jsonPath("$.kind").isEqualTo("TRANSIT")
        .jsonPath("$.ownerId").isEmpty()
        .jsonPath("$.balance").isEqualTo(300);
    assertThat(balanceOf(alice.id)).isEqualTo(700);
    assertThat(balanceOf(bob.id)).isZero();
    assertThat(sumOfBalances(alice.currency)).isZero();
  }

  @Test
  void transferDebitedThenCreditedEndsCompleted() {
    project(alice.debited(transactionId, CommandType.TRANSFER, bob, 300, "rent"));
    LedgerEvent credited = bob.credited(transactionId, CommandType.TRANSFER, alice, 300, "rent");
    project(credited);

    assertCompleted(credited);
  }

  @Test
  void transferCreditedBeforeItsDebitEndsCompleted() {
    LedgerEvent debited = alice.debited(transactionId, CommandType.TRANSFER, bob, 300, "rent");
    LedgerEvent credited = bob.credited(transactionId, CommandType.TRANSFER, alice, 300, "rent");
    project(credited);

    assertThat(statusOf(transactionId)).isEqualTo("COMPLETED");
    assertThat(balanceOf(alice.transitAccountId())).as("credited before debited").isEqualTo(-300);
    assertThat(sumOfBalances(alice.currency)).isZero();

    project(debited);

    assertCompleted(credited);
  }

  @Test
  void reversedTransferIsRejectedWithItsReasonAndTheSourceRefunded() {
    TestAccount closedAccount = TestAccount.of("owner-" + UUID.randomUUID(), alice.currency);
    LedgerEvent debited = alice.debited(transactionId, CommandType.TRANSFER, closedAccount, 400, "gift");
    LedgerEvent reversed = alice.reversed(transactionId, CommandType.TRANSFER, closedAccount, 400,
        RejectionReason.ACCOUNT_CLOSED);

    project(debited, reversed);

    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
        .expectBody()
        .jsonPath("$.status").isEqualTo("REJECTED")
        .jsonPath("$.reason").isEqualTo("ACCOUNT_CLOSED")
        .jsonPath("$.fromAccountId").isEqualTo(alice.id)
        .jsonPath("$.toAccountId").isEqualTo(closedAccount.id)
        .jsonPath("$.completedAt").isEqualTo(reversed.occurredAt().toString());
    api.get().uri("/api/v1/accounts/{id}/transactions?limit=2", alice.id).exchange()
        .expectBody()
        .jsonPath("$.items[*].eventType").isEqualTo(List.of("TRANSFER_REVERSED", "TRANSFER_DEBITED"))
        .jsonPath("$.items[*].type").isEqualTo(List.of("TRANSFER", "TRANSFER"))
        .jsonPath("$.items[*].status").isEqualTo(List.of("REJECTED", "COMPLETED"))
        .jsonPath("$.items[0].reason").isEqualTo("ACCOUNT_CLOSED")
        .jsonPath("$.items[0].balanceAfter").isEqualTo(1_000)
        .jsonPath("$.items[0].counterpartyAccountId").isEqualTo(closedAccount.id);
    assertThat(balanceOf(alice.id)).isEqualTo(1_000);
    assertThat(balanceOf(alice.transitAccountId())).isZero();
    assertThat(sumOfBalances(alice.currency)).isZero();
  }

  @Test
  void chargeMovesMoneyToTheMerchantWithItsDescriptionOnBothHistories() {
    TestAccount shop = TestAccount.merchant("shop-" + UUID.randomUUID(), alice.currency);
    project(shop.opened());

    project(alice.debited(transactionId, CommandType.CHARGE, shop, 250, "order 42"),
        shop.credited(transactionId, CommandType.CHARGE, alice, 250, "order 42"));

    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
        .expectBody()
        .jsonPath("$.type").isEqualTo("CHARGE")
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.fromAccountId").isEqualTo(alice.id)
        .jsonPath("$.toAccountId").isEqualTo(shop.id)
        .jsonPath("$.description").isEqualTo("order 42");
    api.get().uri("/api/v1/accounts/{id}/transactions?limit=1", shop.id).exchange()
        .expectBody()
        .jsonPath("$.items[0].type").isEqualTo("CHARGE")
        .jsonPath("$.items[0].eventType").isEqualTo("TRANSFER_CREDITED")
        .jsonPath("$.items[0].description").isEqualTo("order 42")
        .jsonPath("$.items[0].counterpartyAccountId").isEqualTo(alice.id)
        .jsonPath("$.items[0].balanceAfter").isEqualTo(250);
    api.get().uri("/api/v1/accounts/{id}/transactions?limit=1", alice.id).exchange()
        .expectBody()
        .jsonPath("$.items[0].eventType").isEqualTo("TRANSFER_DEBITED")
        .jsonPath("$.items[0].description").isEqualTo("order 42")
        .jsonPath("$.items[0].counterpartyAccountId").isEqualTo(shop.id);
    api.get().uri("/api/v1/accounts/{id}", shop.id).exchange()
        .expectBody().jsonPath("$.kind").isEqualTo("MERCHANT");
    assertThat(sumOfBalances(alice.currency)).isZero();
  }

  /** Alice paid Bob 300, the transit account holds nothing, whichever leg came first. */
  private void assertCompleted(LedgerEvent credited) {
    api.get().uri("/api/v1/transactions/{id}", transactionId).exchange()
        .expectBody()
        .jsonPath("$.status").isEqualTo("COMPLETED")
        .jsonPath("$.reason").isEmpty()
        .jsonPath("$.amount").isEqualTo(300)
        .jsonPath("$.fromAccountId").isEqualTo(alice.id)
        .jsonPath("$.toAccountId").isEqualTo(bob.id)
        .jsonPath("$.description").isEqualTo("rent")
        .jsonPath("$.completedAt").isEqualTo(credited.occurredAt().toString());
    assertThat(balanceOf(alice.id)).isEqualTo(700);
    assertThat(balanceOf(bob.id)).isEqualTo(300);
    assertThat(balanceOf(alice.transitAccountId())).isZero();
    assertThat(sumOfBalances(alice.currency)).isZero();
  }

  private String statusOf(String transactionId) {
    return jdbc.queryForObject("SELECT status FROM transactions WHERE transaction_id = ?::uuid", String.class,
        transactionId);
  }

  private long balanceOf(String accountId) {
    return jdbc.queryForObject("SELECT balance FROM accounts WHERE account_id = ?::uuid", Long.class, accountId);
  }

  private long sumOfBalances(String currency) {
    return jdbc.queryForObject("SELECT SUM(balance) FROM accounts WHERE currency = ?", Long.class, currency);
  }
}
