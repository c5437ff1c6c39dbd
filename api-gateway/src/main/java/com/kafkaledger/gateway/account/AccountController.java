package com.kafkaledger.gateway.account;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.access.AccountAccess;
import com.kafkaledger.gateway.access.ForbiddenException;
import com.kafkaledger.gateway.apidocs.ApiDocumentation;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.caller.CallerResolver;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.PendingView;
import com.kafkaledger.gateway.idempotency.Submissions;
import com.kafkaledger.gateway.outcome.OutcomeWaiter;
import com.kafkaledger.gateway.outcome.PreferWait;
import com.kafkaledger.gateway.outcome.TransactionAnswers;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import com.kafkaledger.gateway.view.ViewClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = ApiDocumentation.ACCOUNTS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
class AccountController {

  private final CallerResolver callers;
  private final Submissions submissions;
  private final ViewClient view;
  private final OutcomeWaiter waiter;
  private final TransactionAnswers answers;
  private final AccountLimits limits;
  private final AccountAccess access;
  private final Clock clock;
  private final Duration openingPatience;

  AccountController(CallerResolver callers, Submissions submissions, ViewClient view,
      OutcomeWaiter waiter, TransactionAnswers answers, AccountLimits limits, AccountAccess access, Clock clock,
      @Value("${ledger.gateway.account-opening-wait}") Duration openingPatience) {
    this.callers = callers;
    this.submissions = submissions;
    this.view = view;
    this.waiter = waiter;
    this.answers = answers;
    this.limits = limits;
    this.access = access;
    this.clock = clock;
    this.openingPatience = openingPatience;
  }

  /** Opens an account: 201 once the ledger has opened it, 202 if that takes longer. */
  @Operation(operationId = "openAccount", summary = "Open an account (customers, and a merchant's one)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(ref = ApiDocumentation.OPEN_ACCOUNT))
  @ApiResponse(responseCode = "201", ref = ApiDocumentation.ACCOUNT_OPENED)
  @ApiResponse(responseCode = "202", ref = ApiDocumentation.ACCOUNT_OPENING)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "403", ref = ApiDocumentation.FORBIDDEN)
  @ApiResponse(responseCode = "409", ref = ApiDocumentation.ACCOUNT_LIMIT_REACHED)
  @ApiResponse(responseCode = "422", ref = ApiDocumentation.IDEMPOTENCY_KEY_REUSED)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> open(@RequestBody JsonNode body,
      @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
    String key = IdempotencyKeys.validated(idempotencyKey);
    Caller caller = callers.current();
    OpeningRequest request = OpeningRequest.parse(body, caller);
    String accountId = IdempotencyKeys.derive("account", caller, key);
    String transactionId = IdempotencyKeys.derive("open-account", caller, key);
    if (key == null || view.account(accountId).isEmpty()) {
      limits.requireRoomFor(caller, request.kind());
    }
    Instant now = clock.instant();

    LedgerCommand command = LedgerCommand.openAccount(transactionId, accountId, caller.id(),
        request.kind(), request.currency(), IdempotencyKeys.fingerprint("OPEN_ACCOUNT", request.kind(),
            request.currency()), now).byRole(caller.role());
    submissions.submit(command, key != null,
        new PendingView(transactionId, "OPEN_ACCOUNT", null, request.currency(), null, accountId, null, now));

    URI location = URI.create("/api/v1/accounts/" + accountId);
    return waiter.account(accountId, openingPatience)
        .map(account -> ResponseEntity.created(location).body(account))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
            .body(accepted(accountId, transactionId)));
  }

  /** Closes the account if its balance is 0; otherwise the transaction ends ACCOUNT_NOT_EMPTY. */
  @Operation(operationId = "closeAccount", summary = "Close an account (owner); REJECTED ACCOUNT_NOT_EMPTY "
      + "unless the balance is 0")
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.TRANSACTION_DECIDED)
  @ApiResponse(responseCode = "202", ref = ApiDocumentation.TRANSACTION_ACCEPTED)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "422", ref = ApiDocumentation.IDEMPOTENCY_KEY_REUSED)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @DeleteMapping("/{accountId}")
  ResponseEntity<Map<String, Object>> close(@PathVariable String accountId,
      @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      @RequestHeader(value = PreferWait.HEADER, required = false) String prefer) {
    String id = validId(accountId);
    String key = IdempotencyKeys.validated(idempotencyKey);
    Caller caller = callers.current();
    String currency = (String) access.owned(caller, id).get("currency");
    String transactionId = IdempotencyKeys.derive("close-account", caller, key);
    Instant now = clock.instant();

    LedgerCommand command = LedgerCommand.closeAccount(transactionId, id, caller.id(), currency,
        IdempotencyKeys.fingerprint("CLOSE_ACCOUNT", id), now).byRole(caller.role());
    Map<String, Object> current = submissions.submit(command, key != null,
        new PendingView(transactionId, "CLOSE_ACCOUNT", null, currency, null, id, null, now));
    return answers.submitted(transactionId, current, PreferWait.from(prefer));
  }

  /** Sets how far below zero the balance may go; operators only (403 for anyone else). */
  @Operation(operationId = "setOverdraftLimit", summary = "Set how far below zero the balance may go (operators)",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(ref = ApiDocumentation.OVERDRAFT_LIMIT))
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.TRANSACTION_DECIDED)
  @ApiResponse(responseCode = "202", ref = ApiDocumentation.TRANSACTION_ACCEPTED)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "403", ref = ApiDocumentation.FORBIDDEN)
  @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "422", ref = ApiDocumentation.IDEMPOTENCY_KEY_REUSED)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @PutMapping(path = "/{accountId}/overdraft-limit", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> setOverdraftLimit(@PathVariable String accountId,
      @RequestBody JsonNode body,
      @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      @RequestHeader(value = PreferWait.HEADER, required = false) String prefer) {
    Caller caller = callers.current();
    if (!caller.is(Role.OPERATOR)) {
      throw new ForbiddenException("only operators set overdraft limits");
    }
    String id = validId(accountId);
    String key = IdempotencyKeys.validated(idempotencyKey);
    JsonFields fields = JsonFields.of(body, Set.of("limit"));
    Long limit = fields.integer("limit", 0);
    fields.validate();
    String currency = (String) access.readable(caller, id).get("currency");
    String transactionId = IdempotencyKeys.derive("overdraft-limit", caller, key);
    Instant now = clock.instant();

    LedgerCommand command = LedgerCommand.setOverdraftLimit(transactionId, id, caller.id(), currency,
        limit, IdempotencyKeys.fingerprint("SET_OVERDRAFT_LIMIT", id, limit), now).byRole(caller.role());
    Map<String, Object> current = submissions.submit(command, key != null,
        new PendingView(transactionId, "SET_OVERDRAFT_LIMIT", null, currency, null, id, null, now));
    return answers.submitted(transactionId, current, PreferWait.from(prefer));
  }

  /** The caller's accounts with their balances. */
  @Operation(operationId = "listAccounts", summary = "The caller's accounts with their balances")
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.ACCOUNT_LIST)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @GetMapping
  ResponseEntity<String> mine() {
    return view.forward("/api/v1/accounts", Map.of("ownerId", callers.current().id()));
  }

  /** The owner's or, for an operator, any account; someone else's is 404. */
  @Operation(operationId = "getAccount", summary = "An account (owner, operator)")
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.ACCOUNT)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @GetMapping("/{accountId}")
  Map<String, Object> account(@PathVariable String accountId) {
    return access.readable(callers.current(), validId(accountId));
  }

  /** History, newest first, cursor-paginated, rejected attempts included. */
  @Operation(operationId = "getAccountHistory", summary = "An account's history (owner, operator)")
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.HISTORY)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "404", ref = ApiDocumentation.NOT_FOUND)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @GetMapping("/{accountId}/transactions")
  ResponseEntity<String> history(@PathVariable String accountId,
      @Parameter(description = "Items per page, 1 to 100",
          schema = @Schema(type = "integer", defaultValue = "20", minimum = "1", maximum = "100"))
      @RequestParam(required = false) String limit,
      @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false) String cursor,
      @Parameter(description = "ISO-8601 instant, inclusive", schema = @Schema(format = "date-time"))
      @RequestParam(required = false) String from,
      @Parameter(description = "ISO-8601 instant, exclusive", schema = @Schema(format = "date-time"))
      @RequestParam(required = false) String to,
      @Parameter(schema = @Schema(allowableValues = {"COMPLETED", "REJECTED"}))
      @RequestParam(required = false) String status) {
    String id = validId(accountId);
    access.readable(callers.current(), id);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", limit);
    query.put("cursor", cursor);
    query.put("from", from);
    query.put("to", to);
    query.put("status", status);
    return view.forward("/api/v1/accounts/" + id + "/transactions", query);
  }

  private static String validId(String accountId) {
    if (!JsonFields.isUuid(accountId)) {
      throw InvalidRequestException.of("accountId", "must be an account id (a UUID)");
    }
    return accountId.toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> accepted(String accountId, String transactionId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("accountId", accountId);
    body.put("transactionId", transactionId);
    body.put("status", "PENDING");
    return body;
  }

  /** A validated {@code POST /api/v1/accounts} body; the caller's role decides the kind. */
  private record OpeningRequest(String currency, AccountKind kind) {

    static OpeningRequest parse(JsonNode body, Caller caller) {
      if (caller.is(Role.OPERATOR)) {
        throw new ForbiddenException("operators do not hold accounts");
      }
      JsonFields fields = JsonFields.of(body, Set.of("currency"));
      String currency = fields.currency("currency");
      fields.validate();
      return new OpeningRequest(currency, caller.is(Role.MERCHANT) ? AccountKind.MERCHANT : AccountKind.CUSTOMER);
    }
  }
}
