package com.kafkaledger.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with its trace id in {@value #HEADER}: the id to look for in the logs of
 * the gateway, the ledger and the view, and in the {@code traceparent} header of the records.
 */
@Component
class TraceIdHeaderFilter extends OncePerRequestFilter implements Ordered {

  static final String HEADER = "X-Trace-Id";

  private final ObjectProvider<Tracer> tracerProvider;
  /** Looked up on the first request, not on each: the lookup searches the bean factory. */
  private volatile Optional<Tracer> tracer;

  TraceIdHeaderFilter(ObjectProvider<Tracer> tracerProvider) {
    this.tracerProvider = tracerProvider;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (tracer == null) {
      tracer = Optional.ofNullable(tracerProvider.getIfAvailable());
    }
    Span span = tracer.map(Tracer::currentSpan).orElse(null);
    if (span != null) {
      // set before the chain runs: the response may be committed by the time it returns
      response.setHeader(HEADER, span.context().traceId());
    }
    chain.doFilter(request, response);
  }

  /** Right after Boot's server observation filter, which starts the request's trace. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 2;
  }
}
