package com.kafkaledger.gateway.transaction;

import com.kafkaledger.gateway.apidocs.ApiDocumentation;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.caller.CallerResolver;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.Submissions;
import com.kafkaledger.gateway.idempotency.Submissions.NewTransaction;
import com.kafkaledger.gateway.idempotency.Submissions.Submitted;
import com.kafkaledger.gateway.outcome.TransactionAnswers;
import com.kafkaledger.gateway.problem.ProblemHandlers;
import com.kafkaledger.gateway.request.InvalidRequestException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many movements in one request, each answered as if it had been its own
 * {@code POST /api/v1/transactions}: one caller, one read of the view for the idempotency checks
 * and one round of broker acknowledgements for all of them.
 */
@RestController
@Tag(name = ApiDocumentation.TRANSACTIONS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
class TransactionBatchController {

  static final String PATH = "/api/v1/transactions/batch";
  /** Each item's own Idempotency-Key: a batch is retried item by item, safely. */
  static final String ITEM_KEY = "idempotencyKey";
  /** An item's seconds to wait before retrying it: the Retry-After header it would have got on its own. */
  static final String RETRY_AFTER = "retryAfter";
  private static final long TOKENS_PER_TRANSACTION = 64;

  private final CallerResolver callers;
  private final TransactionIntake intake;
  private final Submissions submissions;
  private final TransactionAnswers answers;
  private final ProblemHandlers problems;
  private final int maxTransactions;
  private final BatchAdmission admission;
  private final JsonMapper batchReader;
  private final DistributionSummary batchSizes;

  TransactionBatchController(CallerResolver callers, TransactionIntake intake, Submissions submissions,
      TransactionAnswers answers, ProblemHandlers problems,
      @Value("${ledger.gateway.batch-max-transactions}") int maxTransactions, BatchAdmission admission,
      MeterRegistry registry) {
    this.callers = callers;
    this.intake = intake;
    this.submissions = submissions;
    this.answers = answers;
    this.problems = problems;
    this.maxTransactions = maxTransactions;
    this.admission = admission;
    // a movement of the largest well-formed batch is about 20 tokens; the rest is room for fields
    // an item may get wrong, each then answered in its result
    this.batchReader = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
        StreamReadConstraints.builder().maxTokenCount(TOKENS_PER_TRANSACTION * maxTransactions + 16).build())
        .build()).build();
    this.batchSizes = DistributionSummary.builder("ledger.gateway.batch.transactions")
        .description("Transactions per batch submission").register(registry);
  }

  @Operation(operationId = "submitTransactionBatch", summary = "Submit many movements at once",
      description = "Each item is a POST /api/v1/transactions body with its own idempotencyKey, and gets the "
          + "status and body it would have got on its own (202 accepted, 200 a decided replay, 4xx or 503 "
          + "refused). Items are independent: one refused item does not hold back the others. No Prefer: wait.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(ref = ApiDocumentation.TRANSACTION_BATCH))
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.TRANSACTION_BATCH_RESULTS)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submitBatch(InputStream body) {
    try (BatchAdmission.Admitted admitted = admission.enter()) {
      return submit(read(body));
    }
  }

  private ResponseEntity<Map<String, Object>> submit(JsonNode body) {
    List<JsonNode> items = items(body);
    Caller caller = callers.current();
    List<RuntimeException> refusals = new ArrayList<>(items.size());
    List<NewTransaction> prepared = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      try {
        prepared.add(intake.prepare(caller, withoutKey(item), itemKey(item)));
        refusals.add(null);
      } catch (RuntimeException refusal) {
        refusals.add(refusal);
      }
    }
    List<Submitted> submitted = submissions.submitAll(prepared);
    List<Map<String, Object>> results = new ArrayList<>(items.size());
    int next = 0;
    for (int i = 0; i < items.size(); i++) {
      String key = items.get(i).path(ITEM_KEY).asString(null);
      if (refusals.get(i) != null) {
        results.add(result(i, key, problems.answerFor(refusals.get(i))));
        continue;
      }
      NewTransaction transaction = prepared.get(next);
      Submitted answer = submitted.get(next++);
      results.add(answer.refusal() != null
          ? result(i, key, problems.answerFor(answer.refusal()))
          : result(i, key, answers.submitted(transaction.command().transactionId(), answer.current(), Duration.ZERO)));
    }
    batchSizes.record(items.size());
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    // the longest wait an item was told: a client retrying the batch as a whole needs no other
    results.stream().map(result -> (Integer) result.get(RETRY_AFTER)).filter(Objects::nonNull)
        .max(Integer::compare).ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, seconds.toString()));
    return answer.body(Map.of("results", results));
  }

  /**
   * The body as a JSON tree, refused before it is built if it holds more tokens than the largest
   * batch needs: a body of many tiny values would otherwise become a tree some 30 times its size
   * (512 KiB of empty objects took 13 MiB).
   */
  private JsonNode read(InputStream body) {
    try {
      JsonNode tree = batchReader.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw notWellFormed();
      }
      return tree;
    } catch (StreamConstraintsException e) {
      throw InvalidRequestException.of("body", "must be a batch of at most " + maxTransactions
          + " movements: it holds more JSON values than they need");
    } catch (JacksonException e) {
      throw notWellFormed();
    }
  }

  private static InvalidRequestException notWellFormed() {
    return InvalidRequestException.of("body", "must be a well-formed JSON object");
  }

  private InvalidRequestException tooManyTransactions() {
    return InvalidRequestException.of("transactions", "must be a list of 1 to " + maxTransactions
        + " movements, each a POST /api/v1/transactions body with an idempotencyKey");
  }

  private List<JsonNode> items(JsonNode body) {
    JsonNode transactions = body == null || !body.isObject() ? null : body.get("transactions");
    if (transactions == null || !transactions.isArray() || transactions.isEmpty()
        || transactions.size() > maxTransactions) {
      throw tooManyTransactions();
    }
    List<String> unknown = new ArrayList<>(body.propertyNames());
    unknown.remove("transactions");
    if (!unknown.isEmpty()) {
      throw InvalidRequestException.of(unknown.get(0), "is not a field of this request");
    }
    List<JsonNode> items = new ArrayList<>(transactions.size());
    transactions.forEach(items::add);
    return items;
  }

  private static String itemKey(JsonNode item) {
    JsonNode key = item.get(ITEM_KEY);
    if (key == null || !key.isString() || key.stringValue().isBlank()
        || key.stringValue().length() > IdempotencyKeys.MAX_KEY_LENGTH) {
      throw InvalidRequestException.of(ITEM_KEY, "is required: 1 to " + IdempotencyKeys.MAX_KEY_LENGTH
          + " characters, unique to this movement");
    }
    return key.stringValue();
  }

  /** The movement itself, as {@code POST /api/v1/transactions} would take it. */
  private static JsonNode withoutKey(JsonNode item) {
    if (!(item instanceof ObjectNode object)) {
      throw InvalidRequestException.of("body", "must be a JSON object");
    }
    ObjectNode movement = object.deepCopy();
    movement.remove(ITEM_KEY);
    return movement;
  }

  private static Map<String, Object> result(int index, String key, ResponseEntity<?> answer) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("index", index);
    result.put(ITEM_KEY, key);
    result.put("status", answer.getStatusCode().value());
    result.put("body", answer.getBody() instanceof ProblemDetail problem ? problemBody(problem) : answer.getBody());
    String retryAfter = answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    if (retryAfter != null) {
      result.put(RETRY_AFTER, Integer.valueOf(retryAfter));
    }
    return result;
  }

  /** The problem document as the single-request answer's JSON has it, its extra properties inline. */
  private static Map<String, Object> problemBody(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }
}
