package com.kafkaledger.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Parses and checks the signature of each distinct token once, then remembers it: a client sends the
 * same token with every request, and decoding it again each time was about 6 % of the gateway's CPU
 * per request. The claims are checked on every request, remembered or not: expiry and logout take
 * effect at once.
 */
final class VerifiedTokens implements JwtDecoder {

  /** Bounds the memory; when full, all are forgotten and the next requests verify their token again. */
  static final int CAPACITY = 10_000;

  private final JwtDecoder signatureCheck;
  private final OAuth2TokenValidator<Jwt> claimsCheck;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /**
   * @param signatureCheck parses the token and checks its signature, and nothing else
   * @param claimsCheck what must hold of a signed token at the time of each request
   */
  VerifiedTokens(JwtDecoder signatureCheck, OAuth2TokenValidator<Jwt> claimsCheck) {
    this.signatureCheck = signatureCheck;
    this.claimsCheck = claimsCheck;
  }

  @Override
  public Jwt decode(String token) {
    Jwt jwt = verified.get(token);
    if (jwt == null) {
      jwt = signatureCheck.decode(token);
      if (verified.size() >= CAPACITY) {
        verified.clear();
      }
      verified.put(token, jwt);
    }
    OAuth2TokenValidatorResult result = claimsCheck.validate(jwt);
    if (result.hasErrors()) {
      throw new JwtValidationException(result.getErrors().stream().map(OAuth2Error::getDescription)
          .collect(Collectors.joining("; ")), result.getErrors());
    }
    return jwt;
  }

  int remembered() {
    return verified.size();
  }
}
