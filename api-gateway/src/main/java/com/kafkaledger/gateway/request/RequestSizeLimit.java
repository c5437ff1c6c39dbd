package com.kafkaledger.gateway.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the documented limit with 413 before anything reads them. Bodies without a
 * Content-Length (chunked) are refused too: no client of this API needs to stream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  /** The one path whose bodies may be larger: many movements in one request. */
  private static final String BATCH_PATH = "/api/v1/transactions/batch";

  private final long maxBodyBytes;
  private final long batchMaxBodyBytes;

  RequestSizeLimit(@Value("${ledger.gateway.max-body-bytes}") long maxBodyBytes,
      @Value("${ledger.gateway.batch-max-body-bytes}") long batchMaxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.batchMaxBodyBytes = batchMaxBodyBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    long length = request.getContentLengthLong();
    long maxBodyBytes = BATCH_PATH.equals(request.getRequestURI()) ? batchMaxBodyBytes : this.maxBodyBytes;
    boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > maxBodyBytes || chunked) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"/problems/body-too-large\",\"title\":\"Body too large\","
          + "\"status\":413,\"detail\":\"the body must be at most " + maxBodyBytes
          + " bytes, with a Content-Length\",\"errors\":[{\"field\":\"body\",\"message\":\"must be at most "
          + maxBodyBytes + " bytes\"}]}");
      return;
    }
    chain.doFilter(request, response);
  }
}
