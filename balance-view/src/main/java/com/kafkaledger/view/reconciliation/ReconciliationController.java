package com.kafkaledger.view.reconciliation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the books balance. For operators only; the gateway decides who may ask. */
@RestController
class ReconciliationController {

  private final BooksSnapshots snapshots;

  ReconciliationController(BooksSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @GetMapping("/api/v1/admin/reconciliation")
  Reconciliation reconciliation() {
    return snapshots.take().reconcile();
  }
}
