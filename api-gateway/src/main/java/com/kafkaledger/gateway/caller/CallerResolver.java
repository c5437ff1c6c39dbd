package com.kafkaledger.gateway.caller;

import com.kafkaledger.events.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** The one place that turns the authenticated bearer token into the {@link Caller}. */
@Component
public class CallerResolver {

  public static final String ROLE_CLAIM = "role";

  public Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
      // Spring Security lets no unauthenticated request reach a controller that asks for a caller.
      throw new IllegalStateException("no authenticated caller");
    }
    return new Caller(token.getSubject(), Role.valueOf(token.getClaimAsString(ROLE_CLAIM)));
  }
}
