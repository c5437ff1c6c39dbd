package com.kafkaledger.gateway.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document's shared parts: the bearer scheme, the bodies (the controllers read and
 * write untyped JSON, so their shapes are written down here, once, from SPEC.md) and the problem
 * responses. Controllers refer to them by the names below; the controllers' own annotations say
 * which operation answers what.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

  public static final String BEARER = "bearer";

  // tags, in the order Swagger UI shows them
  public static final String AUTH = "Auth";
  public static final String ACCOUNTS = "Accounts";
  public static final String TRANSACTIONS = "Transactions";
  public static final String ADMIN = "Admin";

  // components/requestBodies
  public static final String SIGN_UP = "SignUp";
  public static final String SIGN_IN = "SignIn";
  public static final String OPEN_ACCOUNT = "OpenAccount";
  public static final String OVERDRAFT_LIMIT = "OverdraftLimit";
  public static final String NEW_TRANSACTION = "NewTransaction";
  public static final String TRANSACTION_BATCH = "TransactionBatch";

  // components/responses with a body of the API's own
  public static final String SIGNED_UP = "SignedUp";
  public static final String TOKEN = "Token";
  public static final String ACCOUNT = "Account";
  public static final String ACCOUNT_OPENED = "AccountOpened";
  public static final String ACCOUNT_OPENING = "AccountOpening";
  public static final String ACCOUNT_LIST = "AccountList";
  public static final String HISTORY = "History";
  public static final String TRANSACTION = "Transaction";
  public static final String TRANSACTION_DECIDED = "TransactionDecided";
  public static final String TRANSACTION_ACCEPTED = "TransactionAccepted";
  public static final String TRANSACTION_STILL_PENDING = "TransactionStillPending";
  public static final String RECONCILIATION = "Reconciliation";
  public static final String TRANSACTION_BATCH_RESULTS = "TransactionBatchResults";

  // components/responses that are problem documents
  public static final String INVALID_REQUEST = "InvalidRequest";
  public static final String UNAUTHORIZED = "Unauthorized";
  public static final String WRONG_CREDENTIALS = "WrongCredentials";
  public static final String FORBIDDEN = "Forbidden";
  public static final String NOT_FOUND = "NotFound";
  public static final String EMAIL_TAKEN = "EmailTaken";
  public static final String ACCOUNT_LIMIT_REACHED = "AccountLimitReached";
  public static final String MERCHANT_ACCOUNT_MISSING = "MerchantAccountMissing";
  public static final String BODY_TOO_LARGE = "BodyTooLarge";
  public static final String IDEMPOTENCY_KEY_REUSED = "IdempotencyKeyReused";
  public static final String TOO_MANY_ATTEMPTS = "TooManyAttempts";
  public static final String UNAVAILABLE = "Unavailable";

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  static {
    // The controllers read bodies as Jackson's JsonNode; what the bodies hold is documented below instead.
    SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
  }

  @Bean
  OpenAPI ledgerApi() {
    Components components = new Components()
        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
            .bearerFormat("JWT").description("The accessToken from POST /api/v1/auth/token"));
    schemas().forEach(components::addSchemas);
    requestBodies(components);
    responses(components);
    return new OpenAPI()
        .info(new Info().title("Kafka ledger API").version("v1").description(
            "Wallet accounts and payments. Movements are accepted with 202 and decided asynchronously; "
                + "GET the Location, or send Prefer: wait=N to wait for the outcome. Amounts are integers "
                + "in the currency's minor unit. Every error is an RFC 9457 problem document."))
        .tags(List.of(
            new Tag().name(AUTH).description("Sign-up, sign-in and logout"),
            new Tag().name(ACCOUNTS).description("Wallets and merchant accounts: balances, history, overdraft limits"),
            new Tag().name(TRANSACTIONS).description("Deposits, withdrawals, transfers and charges, decided "
                + "asynchronously"),
            new Tag().name(ADMIN).description("For operators")))
        .components(components);
  }

  /**
   * What filters and the security chain add to every operation, described once: 401 for an
   * operation behind the bearer token, 413 for one with a body (the size limit), and the meaning of
   * the headers the controllers read.
   */
  @Bean
  OpenApiCustomizer filterResponsesAndHeaders() {
    return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
      if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
        operation.getResponses().addApiResponse("401", responseRef(UNAUTHORIZED));
      }
      if (operation.getRequestBody() != null) {
        operation.getResponses().addApiResponse("413", responseRef(BODY_TOO_LARGE));
        // springdoc adds the JsonNode parameter's content beside the $ref; a reference stands alone
        if (operation.getRequestBody().get$ref() != null) {
          operation.setRequestBody(new RequestBody().$ref(operation.getRequestBody().get$ref()));
        }
      }
      ApiResponses sorted = new ApiResponses();
      new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
      operation.setResponses(sorted);
      describeParameters(operation);
    }));
  }

  private static void describeParameters(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      switch (parameter.getName()) {
        case "Idempotency-Key" -> parameter.description("Any string up to 255 characters. The same key from the "
            + "same caller with the same body returns the same transaction, never a second one, for at least "
            + "24 hours; the same key with a different body is 422.").schema(string(null).maxLength(255));
        case "Prefer" -> parameter.description("wait=N (RFC 7240, N at most 30): hold the answer until the "
            + "outcome is known or N seconds pass").schema(string(null).example("wait=5"));
        case "accountId", "transactionId" -> parameter.schema(uuid(null));
        default -> { }
      }
    }
  }

  private static Map<String, Schema> schemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    schemas.put("Problem", object("An RFC 9457 problem document", props(
        "type", string("/problems/<kind>, e.g. /problems/invalid-request"),
        "title", string(null),
        "status", integer(null),
        "detail", string(null),
        "instance", string(null),
        "errors", array(object("One thing wrong with the request", props(
            "field", string("The field, header or parameter at fault"),
            "message", string(null)), "field", "message"),
            "Present when particular fields are at fault")), "type", "title", "status"));
    schemas.put(SIGN_UP, object(null, props(
        "email", string(null).format("email").maxLength(254),
        "password", string("12 to 64 characters, at least one letter and one digit").minLength(12).maxLength(64),
        "role", enumeration("Operators are configured, never signed up", "CUSTOMER", "MERCHANT"),
        "displayName", string(null).maxLength(100)), "email", "password", "role", "displayName"));
    schemas.put(SIGN_IN, object(null, props(
        "email", string(null).format("email"),
        "password", string(null)), "email", "password"));
    schemas.put("User", object(null, props(
        "userId", uuid(null),
        "email", string(null),
        "role", enumeration(null, "CUSTOMER", "MERCHANT"),
        "displayName", string(null)), "userId", "email", "role", "displayName"));
    schemas.put(TOKEN, object(null, props(
        "accessToken", string("Send as Authorization: Bearer <accessToken>"),
        "tokenType", enumeration(null, "Bearer"),
        "expiresIn", int64("Seconds until the token expires")), "accessToken", "tokenType", "expiresIn"));
    schemas.put(OPEN_ACCOUNT, object("The caller's role decides the kind: a customer's wallet or the merchant's "
        + "one account", props("currency", currency()), "currency"));
    schemas.put(ACCOUNT, object(null, props(
        "accountId", uuid(null),
        "ownerId", string(null),
        "kind", enumeration(null, "CUSTOMER", "MERCHANT"),
        "currency", currency(),
        "balance", int64("Minor units; below zero only down to minus the overdraft limit"),
        "overdraftLimit", int64(null),
        "availableBalance", int64("What can still be spent: balance plus overdraft limit"),
        "status", enumeration(null, "OPEN", "CLOSED"),
        "version", int64("The sequence of the account's last event"),
        "updatedAt", dateTime()),
        "accountId", "ownerId", "kind", "currency", "balance", "overdraftLimit", "availableBalance", "status",
        "version", "updatedAt"));
    schemas.put("AccountPending", object(null, props(
        "accountId", uuid(null),
        "transactionId", uuid(null),
        "status", enumeration(null, "PENDING")), "accountId", "transactionId", "status"));
    schemas.put("AccountList", object(null, props("accounts", array(ref(ACCOUNT), null)), "accounts"));
    schemas.put(OVERDRAFT_LIMIT, object(null, props("limit", int64("Minor units the balance may go below zero")
        .minimum(java.math.BigDecimal.ZERO)), "limit"));
    schemas.put("Deposit", movement("DEPOSIT", "Into the caller's own account", props(
        "accountId", uuid(null), "description", description()), "accountId"));
    schemas.put("Withdrawal", movement("WITHDRAWAL", "Out of the caller's own account", props(
        "accountId", uuid(null), "description", description()), "accountId"));
    schemas.put("Transfer", movement("TRANSFER", "From the caller's account to any other account", props(
        "fromAccountId", uuid(null), "toAccountId", uuid(null), "description", description()),
        "fromAccountId", "toAccountId"));
    schemas.put("Charge", movement("CHARGE", "Merchants only: debits the customer's wallet, credits the "
        + "merchant's own account", props("fromAccountId", uuid("The customer's wallet"),
        "description", description()), "fromAccountId", "description"));
    schemas.put(NEW_TRANSACTION, new Schema<>()
        .description("type decides the other fields")
        .oneOf(List.of(ref("Deposit"), ref("Withdrawal"), ref("Transfer"), ref("Charge")))
        .discriminator(new io.swagger.v3.oas.models.media.Discriminator().propertyName("type")
            .mapping("DEPOSIT", "#/components/schemas/Deposit")
            .mapping("WITHDRAWAL", "#/components/schemas/Withdrawal")
            .mapping("TRANSFER", "#/components/schemas/Transfer")
            .mapping("CHARGE", "#/components/schemas/Charge")));
    Schema<?> batchItem = new Schema<>().allOf(List.of(ref(NEW_TRANSACTION), object(null, props(
        "idempotencyKey", string("This movement's Idempotency-Key: the same key with the same movement, in this "
            + "batch or a later request, is the same transaction; with another movement 422")
            .minLength(1).maxLength(255)), "idempotencyKey")));
    schemas.put(TRANSACTION_BATCH, object("Movements of one caller, each with its own idempotencyKey", props(
        "transactions", array(batchItem, "1 to 500 movements (ledger.gateway.batch-max-transactions)")
            .minItems(1)), "transactions"));
    schemas.put("TransactionBatchResult", object("One item's answer: what it would have got as its own "
        + "POST /api/v1/transactions", props(
        "index", integer("The item's position in the request, from 0"),
        "idempotencyKey", string(null),
        "status", integer("202 accepted, 200 a replay of a decided transaction, 4xx or 503 refused"),
        "body", new Schema<>().oneOf(List.of(ref("TransactionPending"), ref(TRANSACTION), ref("Problem"))),
        "retryAfter", integer("With a 503: seconds to wait before retrying the item, the Retry-After it would "
            + "have got on its own; the batch's answer then has a Retry-After header, the longest of them")),
        "index", "status", "body"));
    schemas.put(TRANSACTION_BATCH_RESULTS, object(null, props(
        "results", array(ref("TransactionBatchResult"), "One per item, in the request's order")), "results"));
    schemas.put("TransactionPending", object(null, props(
        "transactionId", uuid(null),
        "status", enumeration(null, "PENDING")), "transactionId", "status"));
    schemas.put(TRANSACTION, object(null, props(
        "transactionId", uuid(null),
        "type", enumeration(null, "OPEN_ACCOUNT", "DEPOSIT", "WITHDRAWAL", "TRANSFER", "CHARGE", "CLOSE_ACCOUNT",
            "SET_OVERDRAFT_LIMIT"),
        "status", enumeration(null, "PENDING", "COMPLETED", "REJECTED"),
        "reason", string("Why it was rejected or reversed: INSUFFICIENT_FUNDS, ACCOUNT_NOT_FOUND, "
            + "ACCOUNT_CLOSED, CURRENCY_MISMATCH, ACCOUNT_NOT_EMPTY, ...; null otherwise"),
        "amount", int64("Null for transactions that move no money"),
        "currency", currency(),
        "fromAccountId", uuid(null),
        "toAccountId", uuid(null),
        "description", string(null),
        "createdAt", dateTime(),
        "completedAt", dateTime()), "transactionId", "type", "status"));
    schemas.put("HistoryItem", object("One event on the account, rejected attempts included", props(
        "transactionId", uuid(null),
        "sequence", int64("Per account, gap-free, from 1"),
        "type", string("The transaction's type, e.g. DEPOSIT or TRANSFER"),
        "eventType", string("What happened to the account, e.g. DEPOSITED, TRANSFER_DEBITED or REJECTED"),
        "status", enumeration(null, "COMPLETED", "REJECTED"),
        "reason", string(null),
        "amount", int64(null),
        "currency", currency(),
        "balanceAfter", int64(null),
        "counterpartyAccountId", uuid(null),
        "description", string(null),
        "occurredAt", dateTime()), "transactionId", "sequence", "type", "eventType", "status", "occurredAt"));
    schemas.put("HistoryPage", object(null, props(
        "items", array(ref("HistoryItem"), "Newest first"),
        "nextCursor", string("Pass as cursor for the next, older page; null on the last page")), "items"));
    schemas.put("CurrencyReconciliation", object(null, props(
        "currency", currency(),
        "customerAccounts", int64(null),
        "merchantAccounts", int64(null),
        "systemAccount", int64("The outside world: minus the deposits, plus the withdrawals"),
        "inFlight", int64("Debited and not yet credited or reversed"),
        "total", int64("The four summed: 0 when money is neither created nor destroyed"),
        "balanced", bool(null),
        "ledger", object("The ledger's own totals; null until the view has read any", props(
            "accounts", int64(null), "inFlight", int64(null), "system", int64(null), "events", int64(null))),
        "viewCaughtUp", bool(null),
        "matchesLedger", bool("Null while undecided")), "currency", "total", "balanced"));
    schemas.put(RECONCILIATION, object(null, props(
        "balanced", bool("Every currency balances and none contradicts the ledger"),
        "asOf", dateTime(),
        "currencies", array(ref("CurrencyReconciliation"), null)), "balanced", "asOf", "currencies"));
    return schemas;
  }

  private static void requestBodies(Components components) {
    components.addRequestBodies(SIGN_UP, body(SIGN_UP));
    components.addRequestBodies(SIGN_IN, body(SIGN_IN));
    components.addRequestBodies(OPEN_ACCOUNT, body(OPEN_ACCOUNT));
    components.addRequestBodies(OVERDRAFT_LIMIT, body(OVERDRAFT_LIMIT));
    components.addRequestBodies(NEW_TRANSACTION, body(NEW_TRANSACTION));
    components.addRequestBodies(TRANSACTION_BATCH, body(TRANSACTION_BATCH));
  }

  private static void responses(Components components) {
    Header location = new Header().description("Where to read it").schema(string(null));
    components.addResponses(SIGNED_UP, json("Signed up", "User"));
    components.addResponses(TOKEN, json("A bearer token", TOKEN));
    components.addResponses(ACCOUNT, json("The account", ACCOUNT));
    components.addResponses(ACCOUNT_OPENED, json("The ledger has opened the account", ACCOUNT)
        .addHeaderObject("Location", location));
    components.addResponses(ACCOUNT_OPENING, json("Accepted; opening took longer than a few seconds, GET the "
        + "Location later", "AccountPending").addHeaderObject("Location", location));
    components.addResponses(ACCOUNT_LIST, json("The caller's accounts with balances", "AccountList"));
    components.addResponses(HISTORY, json("One page of the history, newest first", "HistoryPage"));
    components.addResponses(TRANSACTION, json("The transaction as known now", TRANSACTION)
        .addHeaderObject("Location", location));
    components.addResponses(TRANSACTION_DECIDED, json("Decided within the Prefer: wait time: COMPLETED or "
        + "REJECTED with a reason", TRANSACTION).addHeaderObject("Location", location));
    components.addResponses(TRANSACTION_ACCEPTED, json("Accepted: the command is durably in Kafka; GET the "
        + "Location for the outcome", "TransactionPending").addHeaderObject("Location", location));
    components.addResponses(TRANSACTION_STILL_PENDING, json("Still PENDING when the Prefer: wait time ran out",
        TRANSACTION).addHeaderObject("Location", location));
    Header retryAfter = new Header().description("Seconds to wait before retrying").schema(integer(null));
    components.addResponses(TRANSACTION_BATCH_RESULTS, json("Each item's own answer, in order; an item refused "
        + "does not hold back the others", TRANSACTION_BATCH_RESULTS)
        .addHeaderObject("Retry-After", new Header().description("When an item is 503: the longest of the items' "
            + "retryAfter, in seconds").schema(integer(null))));
    components.addResponses(RECONCILIATION, json("Whether the books balance, per currency", RECONCILIATION));

    components.addResponses(INVALID_REQUEST, problem("Invalid request: errors names each field, header or "
        + "parameter at fault; nothing was published"));
    components.addResponses(UNAUTHORIZED, problem("No valid bearer token (missing, expired, forged or logged out)")
        .addHeaderObject("WWW-Authenticate", new Header().schema(string(null))));
    components.addResponses(WRONG_CREDENTIALS, problem("Wrong email or password"));
    components.addResponses(FORBIDDEN, problem("The caller's role may not do this"));
    components.addResponses(NOT_FOUND, problem("No such resource, or not the caller's: the two are not told "
        + "apart"));
    components.addResponses(EMAIL_TAKEN, problem("The email is taken"));
    components.addResponses(ACCOUNT_LIMIT_REACHED, problem("The caller has as many open accounts as allowed"));
    components.addResponses(MERCHANT_ACCOUNT_MISSING, problem("CHARGE by a merchant without an open account"));
    components.addResponses(BODY_TOO_LARGE, problem("The body is over the size limit, or has no Content-Length"));
    components.addResponses(IDEMPOTENCY_KEY_REUSED, problem("The Idempotency-Key was used for a different "
        + "request"));
    components.addResponses(TOO_MANY_ATTEMPTS, problem("Too many sign-in attempts")
        .addHeaderObject("Retry-After", retryAfter));
    components.addResponses(UNAVAILABLE, problem("Kafka, the balance view or the gateway's database (which holds the "
        + "Idempotency-Keys in use) is unavailable. A movement Kafka did not "
        + "confirm may still be applied: retry it with the same Idempotency-Key, which never applies it twice")
        .addHeaderObject("Retry-After", retryAfter));
  }

  private static ApiResponse json(String description, String schema) {
    return new ApiResponse().description(description)
        .content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse().description(description)
        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))));
  }

  private static RequestBody body(String schema) {
    return new RequestBody().required(true)
        .content(new Content().addMediaType(JSON, new MediaType().schema(ref(schema))));
  }

  private static ApiResponse responseRef(String response) {
    return new ApiResponse().$ref("#/components/responses/" + response);
  }

  private static Schema<?> movement(String type, String description, Map<String, Schema> fields,
      String... required) {
    Map<String, Schema> properties = props(
        "type", enumeration(null, type),
        "amount", int64("Minor units, e.g. 1250 for 12.50 EUR").minimum(java.math.BigDecimal.ONE)
            .maximum(java.math.BigDecimal.TEN.pow(15)),
        "currency", currency());
    properties.putAll(fields);
    List<String> all = new java.util.ArrayList<>(List.of("type", "amount", "currency"));
    all.addAll(List.of(required));
    return object(description, properties, all.toArray(String[]::new));
  }

  /** Name, schema, name, schema, ... in order. */
  private static Map<String, Schema> props(Object... namesAndSchemas) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.put((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
    }
    return properties;
  }

  private static Schema<?> object(String description, Map<String, Schema> properties, String... required) {
    Schema<?> schema = typed("object", description).properties(properties);
    return required.length == 0 ? schema : schema.required(List.of(required));
  }

  private static Schema<?> array(Schema<?> items, String description) {
    return typed("array", description).items(items);
  }

  private static Schema<?> ref(String schema) {
    return new Schema<>().$ref("#/components/schemas/" + schema);
  }

  private static Schema<?> string(String description) {
    return typed("string", description);
  }

  private static Schema<?> uuid(String description) {
    return string(description).format("uuid");
  }

  private static Schema<?> dateTime() {
    return string(null).format("date-time");
  }

  private static Schema<?> currency() {
    return string("ISO 4217 code, fixed when the account is opened").pattern("^[A-Z]{3}$").example("EUR");
  }

  private static Schema<?> description() {
    return string(null).maxLength(500);
  }

  private static Schema<?> enumeration(String description, String... values) {
    Schema<String> schema = new Schema<>();
    schema.type("string").types(Set.of("string")).description(description);
    schema.setEnum(List.of(values));
    return schema;
  }

  private static Schema<?> integer(String description) {
    return typed("integer", description).format("int32");
  }

  private static Schema<?> int64(String description) {
    return typed("integer", description).format("int64");
  }

  private static Schema<?> bool(String description) {
    return typed("boolean", description);
  }

  /** Sets both the OpenAPI 3.0 {@code type} and the 3.1 {@code types}: springdoc writes 3.1. */
  private static Schema<?> typed(String type, String description) {
    return new Schema<>().type(type).types(Set.of(type)).description(description);
  }
}
