package com.kafkaledger.gateway.admin;

import com.kafkaledger.gateway.apidocs.ApiDocumentation;
import com.kafkaledger.gateway.view.ViewClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether the books balance, per currency, cross-checked with the ledger's own totals. */
@RestController
@Tag(name = ApiDocumentation.ADMIN)
@SecurityRequirement(name = ApiDocumentation.BEARER)
class ReconciliationController {

  private final ViewClient view;

  ReconciliationController(ViewClient view) {
    this.view = view;
  }

  @Operation(operationId = "getReconciliation", summary = "Whether the books balance, per currency (operators)")
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.RECONCILIATION)
  @ApiResponse(responseCode = "403", ref = ApiDocumentation.FORBIDDEN)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @GetMapping("/api/v1/admin/reconciliation")
  ResponseEntity<String> reconciliation() {
    return view.forward("/api/v1/admin/reconciliation", Map.of());
  }
}
