package com.kafkaledger.view.transaction;

import com.kafkaledger.view.problem.InvalidParameterException;
import com.kafkaledger.view.problem.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A transaction's status: public through the gateway, and internal with the fingerprint for the
 * gateway alone (it does not route /internal to clients).
 */
@RestController
class TransactionController {

  /** More than the gateway's largest batch. */
  static final int MAX_LOOKUP = 1_000;

  private final TransactionRepository transactions;

  TransactionController(TransactionRepository transactions) {
    this.transactions = transactions;
  }

  @GetMapping("/api/v1/transactions/{transactionId}")
  TransactionView transaction(@PathVariable UUID transactionId) {
    return internalTransaction(transactionId).transaction();
  }

  /**
   * Those of up to {@value #MAX_LOOKUP} transactions the view knows, with their fingerprints: the
   * gateway's idempotency check for a batch of submissions, in one read.
   */
  @PostMapping("/internal/v1/transactions/lookup")
  Map<String, List<InternalTransactionView>> lookup(@RequestBody Map<String, List<UUID>> body) {
    List<UUID> ids = body.get("transactionIds");
    if (ids == null || ids.size() > MAX_LOOKUP || ids.contains(null)) {
      throw new InvalidParameterException("transactionIds", "must be a list of at most " + MAX_LOOKUP + " ids");
    }
    return Map.of("transactions", transactions.findAll(ids));
  }

  @GetMapping("/internal/v1/transactions/{transactionId}")
  InternalTransactionView internalTransaction(@PathVariable UUID transactionId) {
    return transactions.find(transactionId)
        .orElseThrow(() -> new NotFoundException("No transaction " + transactionId + "."));
  }
}
