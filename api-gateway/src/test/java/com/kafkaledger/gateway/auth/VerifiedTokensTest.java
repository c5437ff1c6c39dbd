package com.kafkaledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class VerifiedTokensTest {

  private static final SecretKey KEY =
      new SecretKeySpec("a-test-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  /** What JwtTimestampValidator allows by default. */
  private static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final Set<String> loggedOut = ConcurrentHashMap.newKeySet();
  private final AtomicInteger signatureChecks = new AtomicInteger();
  private final VerifiedTokens tokens = verifiedTokens();

  @Test
  void aTokenUsedAgainIsNotVerifiedAgain() {
    String token = token(Duration.ofHours(1));

    tokens.decode(token);
    tokens.decode(token);

    assertThat(tokens.decode(token).getSubject()).isEqualTo("user-1");
    assertThat(signatureChecks).hasValue(1);
  }

  @Test
  void aRememberedTokenIsRefusedOnceLoggedOut() {
    String token = token(Duration.ofHours(1));
    String id = tokens.decode(token).getId();

    loggedOut.add(id);

    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("logged out");
  }

  @Test
  void aRememberedTokenIsRefusedOnceExpired() {
    String token = token(Duration.ofMinutes(5));
    tokens.decode(token);

    clock.advance(Duration.ofMinutes(5).plus(DEFAULT_CLOCK_SKEW).plusSeconds(1));

    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
  }

  @Test
  void aTokenWithAnotherSignatureIsRefusedEveryTimeAndNotRemembered() {
    String token = token(Duration.ofHours(1));
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLW9mLXNvbWVvbmUtZWxzZQ";

    assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
    assertThat(tokens.remembered()).isZero();
  }

  @Test
  void theMemoryIsBounded() {
    for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
      tokens.decode(token(Duration.ofHours(1)));
    }

    assertThat(tokens.remembered()).isBetween(1, VerifiedTokens.CAPACITY);
  }

  private VerifiedTokens verifiedTokens() {
    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
    nimbus.setJwtValidator(signed -> OAuth2TokenValidatorResult.success());
    JwtDecoder counted = token -> {
      signatureChecks.incrementAndGet();
      return nimbus.decode(token);
    };
    JwtTimestampValidator expiry = new JwtTimestampValidator();
    expiry.setClock(clock);
    return new VerifiedTokens(counted, JwtValidators.createDefaultWithValidators(expiry,
        jwt -> loggedOut.contains(jwt.getId())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token was logged out", null))
            : OAuth2TokenValidatorResult.success()));
  }

  private String token(Duration lifetime) {
    Instant now = clock.instant();
    JwtClaimsSet claims = JwtClaimsSet.builder().id(UUID.randomUUID().toString()).subject("user-1")
        .issuedAt(now).expiresAt(now.plus(lifetime)).build();
    return new NimbusJwtEncoder(new ImmutableSecret<>(KEY))
        .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
  }
}
