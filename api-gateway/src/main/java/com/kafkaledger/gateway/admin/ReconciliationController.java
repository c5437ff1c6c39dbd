package com.kafkaledger.gateway.admin;

import com.kafkaledger.gateway.view.ViewClient;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the books balance, per currency, cross-checked with the ledger's own totals. */
@RestController
class ReconciliationController {

  private final ViewClient view;

  ReconciliationController(ViewClient view) {
    this.view = view;
  }

  @GetMapping("/api/v1/admin/reconciliation")
  ResponseEntity<String> reconciliation() {
    return view.forward("/api/v1/admin/reconciliation", Map.of());
  }
}
