package com.kafkaledger.gateway.view;


import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** Reads from balance-view, which serves everything clients read. */
@Component
public class ViewClient {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  private final RestClient view;

  /** The view answers only requests that carry the secret it shares with the gateway. */
  static final String INTERNAL_TOKEN_HEADER = "X-Ledger-Internal-Token";
  /** Tomcat's default number of request threads. */
  private static final int MAX_CONNECTIONS = 200;

  ViewClient(RestClient.Builder builder, @Value("${ledger.gateway.view-url}") String viewUrl,
      @Value("${ledger.gateway.view-timeout}") Duration timeout,
      @Value("${ledger.gateway.internal-token}") String internalToken) {
    // Every request thread may be reading from the view at once: as many pooled connections as threads.
    ConnectionConfig connections = ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(timeout))
        .setSocketTimeout(Timeout.of(timeout))
        .build();
    var pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(MAX_CONNECTIONS)
        .setMaxConnPerRoute(MAX_CONNECTIONS)
        .setDefaultConnectionConfig(connections)
        .build();
    var requestFactory = new HttpComponentsClientHttpRequestFactory(
        HttpClients.custom().setConnectionManager(pool).build());
    requestFactory.setConnectionRequestTimeout(timeout);
    this.view = builder.baseUrl(viewUrl).requestFactory(requestFactory)
        .defaultHeader(INTERNAL_TOKEN_HEADER, internalToken).build();
  }

  /** The public representation of a transaction, if the view knows it. */
  public Optional<Map<String, Object>> transaction(String transactionId) {
    return object("/api/v1/transactions/{id}", transactionId);
  }

  /** The transaction with its request fingerprint, for idempotency checks; never shown to clients. */
  public Optional<Map<String, Object>> transactionWithFingerprint(String transactionId) {
    return object("/internal/v1/transactions/{id}", transactionId);
  }

  /**
   * Those of the transactions the view knows, with their fingerprints, by transaction id: one read
   * for the idempotency check of many submissions.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> transactionsWithFingerprint(Collection<String> transactionIds) {
    if (transactionIds.isEmpty()) {
      return Map.of();
    }
    try {
      Map<String, Object> answer = view.post().uri("/internal/v1/transactions/lookup")
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("transactionIds", transactionIds))
          .retrieve()
          .body(JSON_OBJECT);
      Object found = answer == null ? null : answer.get("transactions");
      Map<String, Map<String, Object>> byId = new HashMap<>();
      if (found != null) {
        for (Map<String, Object> transaction : (List<Map<String, Object>>) found) {
          byId.put((String) transaction.get("transactionId"), transaction);
        }
      }
      return byId;
    } catch (ResourceAccessException | HttpStatusCodeException e) {
      throw new ViewUnavailableException(e);
    }
  }

  public Optional<Map<String, Object>> account(String accountId) {
    return object("/api/v1/accounts/{id}", accountId);
  }

  /** The owner's accounts (empty when there are none). */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> accountsOf(String ownerId) {
    try {
      Map<String, Object> answer = view.get()
          .uri(uri -> uri.path("/api/v1/accounts").queryParam("ownerId", ownerId).build())
          .retrieve()
          .body(JSON_OBJECT);
      Object accounts = answer == null ? null : answer.get("accounts");
      return accounts == null ? List.of() : (List<Map<String, Object>>) accounts;
    } catch (ResourceAccessException | HttpStatusCodeException e) {
      throw new ViewUnavailableException(e);
    }
  }

  /**
   * How many of the owner's accounts are not closed, and whether one is a merchant's: one count,
   * where listing them all grew with every account the owner opened.
   */
  public OpenAccounts openAccountsOf(String ownerId) {
    try {
      Map<String, Object> answer = view.get()
          .uri(uri -> uri.path("/api/v1/accounts/open-count").queryParam("ownerId", ownerId).build())
          .retrieve()
          .body(JSON_OBJECT);
      if (answer == null || !(answer.get("open") instanceof Number open)) {
        throw new IllegalStateException("the view answered no count of open accounts");
      }
      return new OpenAccounts(open.intValue(), Boolean.TRUE.equals(answer.get("merchant")));
    } catch (ResourceAccessException | HttpStatusCodeException | IllegalStateException e) {
      throw new ViewUnavailableException(e);
    }
  }

  /**
   * @param count the owner's accounts that are not closed
   * @param merchant whether one of them is a merchant account
   */
  public record OpenAccounts(int count, boolean merchant) {}

  /** Passes a read through unchanged: status, content type, {@code Retry-After} and body. */
  public ResponseEntity<String> forward(String path, Map<String, ?> query) {
    // The caller's values go in as URI variables, which are encoded strictly: a '+', '{' or '&' in
    // one stays part of that value instead of changing the URI.
    Map<String, Object> values = new HashMap<>();
    try {
      return view.get()
          .uri(uri -> {
            uri.path(path);
            query.forEach((name, value) -> {
              if (value != null) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value);
              }
            });
            return uri.build(values);
          })
          .exchange((request, response) -> {
            MediaType type = response.getHeaders().getContentType();
            var passed = ResponseEntity.status(response.getStatusCode());
            if (type != null) {
              passed.contentType(type);
            }
            String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            if (retryAfter != null) {
              passed.header(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            return passed.body(new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          });
    } catch (ResourceAccessException e) {
      throw new ViewUnavailableException(e);
    }
  }

  private Optional<Map<String, Object>> object(String path, String id) {
    try {
      return view.get().uri(path, id).exchange((request, response) -> {
        if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
          return Optional.empty();
        }
        if (!response.getStatusCode().is2xxSuccessful()) {
          throw new ViewUnavailableException(new IllegalStateException(
              "view answered " + response.getStatusCode() + " for " + path));
        }
        return Optional.ofNullable(response.bodyTo(JSON_OBJECT));
      });
    } catch (ResourceAccessException e) {
      throw new ViewUnavailableException(e);
    }
  }
}
