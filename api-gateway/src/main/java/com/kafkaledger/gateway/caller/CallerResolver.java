package com.kafkaledger.gateway.caller;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who is calling. Until authentication lands every request is the
 * same local caller, optionally named by the {@value #CALLER_HEADER} header (a development aid,
 * to be replaced by the authenticated principal).
 */
@Component
public class CallerResolver {

  public static final String CALLER_HEADER = "X-Ledger-Caller";
  static final String ANONYMOUS = "anonymous";
  private static final int MAX_ID_LENGTH = 255;

  public Caller resolve(HttpServletRequest request) {
    String named = request.getHeader(CALLER_HEADER);
    if (named == null || named.isBlank() || named.length() > MAX_ID_LENGTH) {
      return new Caller(ANONYMOUS);
    }
    return new Caller(named.strip());
  }
}
