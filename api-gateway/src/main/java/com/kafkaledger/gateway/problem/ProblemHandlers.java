package com.kafkaledger.gateway.problem;

import com.kafkaledger.gateway.access.ForbiddenException;
import com.kafkaledger.gateway.account.AccountLimitException;
import com.kafkaledger.gateway.auth.EmailTakenException;
import com.kafkaledger.gateway.auth.TooManyAttemptsException;
import com.kafkaledger.gateway.auth.WrongCredentialsException;
import com.kafkaledger.gateway.idempotency.ClaimsUnavailableException;
import com.kafkaledger.gateway.idempotency.IdempotencyConflictException;
import com.kafkaledger.gateway.ledger.LedgerUnavailableException;
import com.kafkaledger.gateway.request.FieldError;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.transaction.BatchesBusyException;
import com.kafkaledger.gateway.transaction.MerchantAccountMissingException;
import com.kafkaledger.gateway.view.ViewUnavailableException;
import io.swagger.v3.oas.annotations.Hidden;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem document; the field at fault is named in {@code errors}. */
// Hidden from springdoc, which would otherwise list every handler's status on every operation; each
// operation declares the problems it can answer instead.
@Hidden
@RestControllerAdvice
public class ProblemHandlers extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);
  static final String RETRY_AFTER_SECONDS = "5";

  // The handler methods below, looked up by exception type as Spring MVC does for a whole request.
  private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemHandlers.class);

  /**
   * The answer a part of a request gets for the exception that refused it (one item of a batch):
   * the same status and problem document as a request of its own would.
   */
  @SuppressWarnings("unchecked")
  public ResponseEntity<ProblemDetail> answerFor(RuntimeException refusal) {
    Method handler = handlers.resolveMethod(refusal);
    try {
      return (ResponseEntity<ProblemDetail>) handler.invoke(this, refusal);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no problem answer for " + refusal, e);
    }
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is invalid", e.getMessage(), e.errors());
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<ProblemDetail> conflict(IdempotencyConflictException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
        e.getMessage(), List.of(new FieldError("Idempotency-Key", "was used for a different request")));
  }

  @ExceptionHandler(AccountLimitException.class)
  ResponseEntity<ProblemDetail> accountLimit(AccountLimitException e) {
    return problem(HttpStatus.CONFLICT, "account-limit-reached", "Account limit reached", e.getMessage(),
        List.of());
  }

  @ExceptionHandler(MerchantAccountMissingException.class)
  ResponseEntity<ProblemDetail> merchantAccountMissing(MerchantAccountMissingException e) {
    return problem(HttpStatus.CONFLICT, "merchant-account-missing", "No merchant account", e.getMessage(),
        List.of());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), List.of());
  }

  @ExceptionHandler(EmailTakenException.class)
  ResponseEntity<ProblemDetail> emailTaken(EmailTakenException e) {
    return problem(HttpStatus.CONFLICT, "email-taken", "Email taken", e.getMessage(),
        List.of(new FieldError("email", "is taken")));
  }

  @ExceptionHandler(WrongCredentialsException.class)
  ResponseEntity<ProblemDetail> wrongCredentials(WrongCredentialsException e) {
    return problem(HttpStatus.UNAUTHORIZED, "wrong-credentials", "Unauthorized", e.getMessage(), List.of());
  }

  @ExceptionHandler(TooManyAttemptsException.class)
  ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttemptsException e) {
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts",
        "Too many attempts", e.getMessage(), List.of());
    return ResponseEntity.status(answer.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(answer.getBody());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
  }

  @ExceptionHandler({LedgerUnavailableException.class, ViewUnavailableException.class,
      ClaimsUnavailableException.class, BatchesBusyException.class})
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    log.warn("answering 503: {} ({})", e.getMessage(), e.getCause() == null ? "" : e.getCause().toString());
    // A send that timed out may still reach the log: only the same key makes a retry safe.
    String advice = e instanceof LedgerUnavailableException
        ? "; the movement is not confirmed: retry with the same Idempotency-Key, which never applies it twice"
        : e.getCause() == null ? "; retry shortly" : "; nothing was published, retry shortly";
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
        "Service unavailable", e.getMessage() + advice, List.of());
    return ResponseEntity.status(answer.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(answer.getBody());
  }

  /** Malformed JSON or a missing body. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "invalid-request",
        "The request is invalid", "body: must be a well-formed JSON object",
        List.of(new FieldError("body", "must be a well-formed JSON object")));
    return ResponseEntity.status(answer.getStatusCode()).body(answer.getBody());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected failure", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "the request failed unexpectedly; it may be retried with the same Idempotency-Key", List.of());
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title,
      String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).body(problem);
  }
}
