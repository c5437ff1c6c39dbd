package com.kafkaledger.view.transaction;

import com.kafkaledger.view.problem.NotFoundException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A transaction's status: public through the gateway, and internal with the fingerprint for the
 * gateway alone (it does not route /internal to clients).
 */
@RestController
class TransactionController {

  private final TransactionRepository transactions;

  TransactionController(TransactionRepository transactions) {
    this.transactions = transactions;
  }

  @GetMapping("/api/v1/transactions/{transactionId}")
  TransactionView transaction(@PathVariable UUID transactionId) {
    return internalTransaction(transactionId).transaction();
  }

  @GetMapping("/internal/v1/transactions/{transactionId}")
  InternalTransactionView internalTransaction(@PathVariable UUID transactionId) {
    return transactions.find(transactionId)
        .orElseThrow(() -> new NotFoundException("No transaction " + transactionId + "."));
  }
}
