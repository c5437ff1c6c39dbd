package com.kafkaledger.gateway.transaction;

import com.kafkaledger.gateway.apidocs.ApiDocumentation;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.caller.CallerResolver;
import com.kafkaledger.gateway.idempotency.IdempotencyClaims;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.RecentSubmissions;
import com.kafkaledger.gateway.idempotency.Submissions;
import com.kafkaledger.gateway.idempotency.Submissions.NewTransaction;
import com.kafkaledger.gateway.idempotency.UnkeyedTransactionIds;
import com.kafkaledger.gateway.outcome.OutcomeWaiter;
import com.kafkaledger.gateway.outcome.PreferWait;
import com.kafkaledger.gateway.outcome.TransactionAnswers;
import com.kafkaledger.gateway.problem.NotFoundException;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import com.kafkaledger.gateway.view.ViewClient;
import com.kafkaledger.gateway.view.ViewUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/transactions")
@Tag(name = ApiDocumentation.TRANSACTIONS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
class TransactionController {

  private final CallerResolver callers;
  private final Submissions submissions;
  private final RecentSubmissions recent;
  private final ViewClient view;
  private final TransactionAnswers answers;
  private final TransactionAccess access;
  private final TransactionIntake intake;
  private final IdempotencyClaims claims;
  private final OutcomeWaiter waiter;
  private final UnkeyedTransactionIds unkeyedIds;
  private final Duration acceptedElsewhereWait;

  TransactionController(CallerResolver callers, Submissions submissions, RecentSubmissions recent,
      ViewClient view, TransactionAnswers answers, TransactionAccess access, TransactionIntake intake,
      IdempotencyClaims claims, UnkeyedTransactionIds unkeyedIds, OutcomeWaiter waiter,
      @Value("${ledger.gateway.accepted-elsewhere-wait}") Duration acceptedElsewhereWait) {
    this.callers = callers;
    this.submissions = submissions;
    this.recent = recent;
    this.view = view;
    this.answers = answers;
    this.access = access;
    this.intake = intake;
    this.claims = claims;
    this.unkeyedIds = unkeyedIds;
    this.waiter = waiter;
    this.acceptedElsewhereWait = acceptedElsewhereWait;
  }

  /** Accepts a movement: 202 once Kafka has the command, or 200 with the outcome if asked to wait. */
  @Operation(operationId = "submitTransaction", summary = "Submit a movement",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(ref = ApiDocumentation.NEW_TRANSACTION))
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.TRANSACTION_DECIDED)
  @ApiResponse(responseCode = "202", ref = ApiDocumentation.TRANSACTION_ACCEPTED)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "403", ref = ApiDocumentation.FORBIDDEN)
  @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "409", ref = ApiDocumentation.MERCHANT_ACCOUNT_MISSING)
  @ApiResponse(responseCode = "422", ref = ApiDocumentation.IDEMPOTENCY_KEY_REUSED)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submit(@RequestBody JsonNode body,
      @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      @RequestHeader(value = PreferWait.HEADER, required = false) String prefer) {
    NewTransaction transaction = intake.prepare(callers.current(), body,
        IdempotencyKeys.validated(idempotencyKey));
    Map<String, Object> current = submissions.submit(transaction);
    return answers.submitted(transaction.command().transactionId(), current, PreferWait.from(prefer));
  }

  /** The transaction's status: PENDING right after the 202, never 404 for an accepted one. */
  @Operation(operationId = "getTransaction", summary = "A transaction's status (participants, operator)")
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.TRANSACTION)
  @ApiResponse(responseCode = "202", ref = ApiDocumentation.TRANSACTION_STILL_PENDING)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @GetMapping("/{transactionId}")
  ResponseEntity<Map<String, Object>> status(@PathVariable String transactionId,
      @RequestHeader(value = PreferWait.HEADER, required = false) String prefer) {
    if (!JsonFields.isUuid(transactionId)) {
      throw InvalidRequestException.of("transactionId", "must be a transaction id (a UUID)");
    }
    String id = transactionId.toLowerCase(Locale.ROOT);
    Caller caller = callers.current();
    Optional<Map<String, Object>> known = view.transactionWithFingerprint(id);
    Optional<RecentSubmissions.Submission> accepted = known.isPresent() ? Optional.empty() : recent.find(id);
    if (known.isEmpty() && accepted.isEmpty() && mayBeAcceptedElsewhere(id, caller)) {
      // another instance may have accepted it moments ago: the view shows it tens of ms after its 202
      known = waiter.transactionWithFingerprint(id, acceptedElsewhereWait);
      if (known.isEmpty()) {
        throw new ViewUnavailableException("transaction " + id + " was submitted, but the balance view does not "
            + "show it yet");
      }
    }
    String initiatorId = known.map(transaction -> (String) transaction.get("initiatorId"))
        .or(() -> accepted.map(RecentSubmissions.Submission::initiatorId))
        .orElse(null);
    Optional<Map<String, Object>> current = known.map(TransactionController::withoutInternals)
        .or(() -> accepted.map(submission -> submission.pendingView().asMap()));
    if (current.isEmpty() || !access.maySee(caller, initiatorId, current.get())) {
      throw new NotFoundException("transaction " + id + " was not found");
    }
    return answers.status(id, current.get(), PreferWait.from(prefer));
  }

  /**
   * Whether another gateway instance may have accepted this id lately from this caller, before the
   * view shows it: a key's id if the caller claimed it, a minted id if the caller submitted it lately.
   * Anyone else's read is answered at once, as for an id that does not exist.
   */
  private boolean mayBeAcceptedElsewhere(String id, Caller caller) {
    if (IdempotencyKeys.isDerivedFromKey(id)) {
      return claims.isClaimedBy(id, caller.id());
    }
    return unkeyedIds.mintedLatelyBy(id, caller);
  }

  private static Map<String, Object> withoutInternals(Map<String, Object> transaction) {
    Map<String, Object> shown = new LinkedHashMap<>(transaction);
    shown.remove("fingerprint");
    shown.remove("initiatorId");
    return shown;
  }
}
