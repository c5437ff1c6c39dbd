package com.kafkaledger.gateway.auth;

import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.caller.CallerResolver;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens: JWTs signed with HMAC-SHA256 by a secret every gateway instance shares, so any
 * instance verifies any token without a lookup; only the logout list is shared state.
 */
@Component
public class TokenService {

  /** HS256 needs a key of at least 256 bits. */
  private static final int MIN_SECRET_BYTES = 32;

  private final SecretKey key;
  private final Duration lifetime;
  private final RevokedTokens revoked;
  private final Clock clock;

  TokenService(@Value("${ledger.gateway.token-secret}") String secret,
      @Value("${ledger.gateway.token-lifetime}") Duration lifetime, RevokedTokens revoked, Clock clock) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new IllegalStateException("ledger.gateway.token-secret (LEDGER_TOKEN_SECRET) must be at least "
          + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
    this.lifetime = lifetime;
    this.revoked = revoked;
    this.clock = clock;
  }

  IssuedToken issue(String userId, Role role) {
    Instant now = clock.instant();
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .id(UUID.randomUUID().toString())
        .subject(userId)
        .claim(CallerResolver.ROLE_CLAIM, role.name())
        .issuedAt(now)
        .expiresAt(now.plus(lifetime))
        .build();
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    String token = new NimbusJwtEncoder(new ImmutableSecret<>(key))
        .encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new IssuedToken(token, lifetime.toSeconds());
  }

  void revoke(Jwt token) {
    revoked.revoke(token.getId(), token.getExpiresAt());
  }

  /** Checks signature, expiry and that the token was not logged out. */
  public JwtDecoder decoder() {
    NimbusJwtDecoder signatureCheck = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    signatureCheck.setJwtValidator(signed -> OAuth2TokenValidatorResult.success());
    JwtTimestampValidator expiry = new JwtTimestampValidator();
    expiry.setClock(clock);
    return new VerifiedTokens(signatureCheck, JwtValidators.createDefaultWithValidators(expiry,
        token -> token.getId() != null && !revoked.isRevoked(token.getId())
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token was logged out", null))));
  }

  record IssuedToken(String accessToken, long expiresInSeconds) {}
}
