package com.kafkaledger.view.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only the gateway reads the view: every request but the operations endpoints must carry the
 * shared secret in {@value #HEADER}. Everything is refused by default (not only {@code /api/**} and
 * {@code /internal/**}), so that a new endpoint cannot be left open by mistake; {@code /actuator/**}
 * stays open for health checks and metrics scrapes.
 */
@Component
class InternalTokenFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Ledger-Internal-Token";
  static final String PROPERTY = "ledger.view.internal-token";
  private static final String OPEN_PATH = "/actuator";
  // A fixed body: says nothing about the path, the header or the reason.
  private static final byte[] UNAUTHORIZED_BODY = """
      {"type":"about:blank","title":"Unauthorized","status":401,\
      "detail":"This service answers the ledger's gateway only."}"""
      .getBytes(StandardCharsets.UTF_8);
  private static final Logger log = LoggerFactory.getLogger(InternalTokenFilter.class);

  private final byte[] expectedToken;

  InternalTokenFilter(@Value("${" + PROPERTY + ":}") String internalToken) {
    if (internalToken == null || internalToken.isBlank()) {
      throw new IllegalStateException("balance-view refuses to start without " + PROPERTY
          + " (environment variable LEDGER_INTERNAL_TOKEN): the secret the gateway sends in " + HEADER
          + " so that nobody else can read the ledger's balances and history.");
    }
    this.expectedToken = internalToken.getBytes(StandardCharsets.UTF_8);
  }

  // The servlet path is the container's decoded and normalised path, so "/actuator/../api/..." is
  // checked like "/api/...".
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals(OPEN_PATH) || path.startsWith(OPEN_PATH + "/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (carriesTheToken(request)) {
      chain.doFilter(request, response);
      return;
    }
    log.debug("Refused {} {} without a valid {}", request.getMethod(), request.getRequestURI(), HEADER);
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // RFC 9110 asks every 401 to name a scheme; the name reveals nothing about the secret.
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "LedgerInternalToken");
    response.setContentLength(UNAUTHORIZED_BODY.length);
    response.getOutputStream().write(UNAUTHORIZED_BODY);
  }

  private boolean carriesTheToken(HttpServletRequest request) {
    String presented = request.getHeader(HEADER);
    // isEqual takes as long for every presented value of a given length: the expected token goes
    // first, so the time depends on its length only, not on how much of it a guess got right.
    return presented != null
        && MessageDigest.isEqual(expectedToken, presented.getBytes(StandardCharsets.UTF_8));
  }
}
