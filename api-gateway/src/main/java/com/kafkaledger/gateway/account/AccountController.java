package com.kafkaledger.gateway.account;

import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.caller.CallerResolver;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.PendingView;
import com.kafkaledger.gateway.idempotency.Submissions;
import com.kafkaledger.gateway.outcome.OutcomeWaiter;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import com.kafkaledger.gateway.view.ViewClient;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

  private final CallerResolver callers;
  private final Submissions submissions;
  private final ViewClient view;
  private final OutcomeWaiter waiter;
  private final Clock clock;
  private final Duration openingPatience;

  AccountController(CallerResolver callers, Submissions submissions, ViewClient view,
      OutcomeWaiter waiter, Clock clock,
      @Value("${ledger.gateway.account-opening-wait}") Duration openingPatience) {
    this.callers = callers;
    this.submissions = submissions;
    this.view = view;
    this.waiter = waiter;
    this.clock = clock;
    this.openingPatience = openingPatience;
  }

  /** Opens an account: 201 once the ledger has opened it, 202 if that takes longer. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> open(@RequestBody JsonNode body,
      @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      HttpServletRequest http) {
    String key = IdempotencyKeys.validated(idempotencyKey);
    JsonFields fields = JsonFields.of(body, Set.of("currency"));
    String currency = fields.currency("currency");
    fields.validate();
    Caller caller = callers.resolve(http);
    String accountId = IdempotencyKeys.derive("account", caller, key);
    String transactionId = IdempotencyKeys.derive("open-account", caller, key);
    Instant now = clock.instant();

    LedgerCommand command = LedgerCommand.openAccount(transactionId, accountId, caller.id(), currency,
        IdempotencyKeys.fingerprint("OPEN_ACCOUNT", currency), now);
    submissions.submit(command, key != null, PendingView.of(transactionId, "OPEN_ACCOUNT", null, currency, null, accountId, null, now));

    URI location = URI.create("/api/v1/accounts/" + accountId);
    return waiter.account(accountId, openingPatience)
        .map(account -> ResponseEntity.created(location).body(account))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
            .body(accepted(accountId, transactionId)));
  }

  /** The caller's accounts with their balances. */
  @GetMapping
  ResponseEntity<String> mine(HttpServletRequest http) {
    return view.forward("/api/v1/accounts", Map.of("ownerId", callers.resolve(http).id()));
  }

  @GetMapping("/{accountId}")
  ResponseEntity<String> account(@PathVariable String accountId) {
    return view.forward("/api/v1/accounts/" + validId(accountId), Map.of());
  }

  /** History, newest first, cursor-paginated, rejected attempts included. */
  @GetMapping("/{accountId}/transactions")
  ResponseEntity<String> history(@PathVariable String accountId,
      @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String status) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("limit", limit);
    query.put("cursor", cursor);
    query.put("from", from);
    query.put("to", to);
    query.put("status", status);
    return view.forward("/api/v1/accounts/" + validId(accountId) + "/transactions", query);
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
}
