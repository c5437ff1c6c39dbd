package com.kafkaledger.gateway.auth;

import com.kafkaledger.gateway.access.AccountOwners;
import com.kafkaledger.gateway.caller.CallerResolver;
import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.gateway.idempotency.PendingView;
import com.kafkaledger.gateway.idempotency.RecentSubmissions;
import com.kafkaledger.gateway.idempotency.RecentSubmissions.Submission;
import com.kafkaledger.gateway.request.JsonFields;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the heap the gateway's bounded in-memory structures hold when full, with the gateway's
 * own classes and the largest content a client can make them hold, and prints it per entry and at
 * each default bound. A program, not a test: the README's memory budget quotes its figures. Run:
 *
 * <pre>./mvnw -B -q -pl api-gateway test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx2g -cp %classpath com.kafkaledger.gateway.auth.GatewayMemoryFootprint"</pre>
 *
 * It lives in the auth package because two of the structures it fills are package-private there.
 */
public final class GatewayMemoryFootprint {

  private static final int OWNERS = 200_000;
  private static final int SUBMISSIONS = 100_000;
  private static final int SIGN_IN_KEYS = 100_000;
  /** ledger.gateway.batch-max-body-bytes */
  private static final int BATCH_MAX_BODY_BYTES = 524_288;

  public static void main(String[] arguments) {
    System.out.printf("%-58s %10s %11s %13s%n", "structure (bound)", "entries", "bytes each", "MiB at bound");
    measure("remembered account owners (200,000)", OWNERS, owners -> {
      AccountOwners cache = new AccountOwners(OWNERS, new SimpleMeterRegistry());
      for (int i = 0; i < OWNERS; i++) {
        cache.remember(UUID.randomUUID().toString(), UUID.randomUUID().toString());
      }
      return cache;
    });
    measure("recent submissions, 500-char descriptions (100,000)", SUBMISSIONS,
        count -> submissions(count, "\u20ac".repeat(JsonFields.MAX_DESCRIPTION_LENGTH)));
    measure("recent submissions, no description (100,000)", SUBMISSIONS, count -> submissions(count, null));
    measure("sign-in windows, per address and per email (2 x 100,000)", 2 * SIGN_IN_KEYS, windows -> {
      SignInLimiter limiter = new SignInLimiter(10, 30, SIGN_IN_KEYS, Clock.systemUTC());
      // sign-in takes any text of up to 254 characters as the email (kept as its digest); an
      // address as the servlet gives it is at most 39 characters (IPv6, every group in full)
      String padding = "\u20ac".repeat(Credentials.MAX_EMAIL_LENGTH - 36);
      for (int i = 0; i < windows / 2; i++) {
        limiter.attempt(padding + UUID.randomUUID(), String.format("2001:0db8:ffff:ffff:ffff:ffff:%04x:%04x",
            i >>> 16, i & 0xffff));
      }
      return limiter;
    });
    measure("a batch being read: 500-char descriptions, 524,288 bytes", 1, count -> batchTree());
    measure("a batch being read: the most values it may hold", 1, count -> mostValues());
    measure("verified tokens (" + VerifiedTokens.CAPACITY + ")", VerifiedTokens.CAPACITY, GatewayMemoryFootprint::tokens);
  }

  private static RecentSubmissions submissions(int count, String description) {
    RecentSubmissions recent = new RecentSubmissions(count);
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      String from = UUID.randomUUID().toString();
      String to = UUID.randomUUID().toString();
      long amount = 1_000_000_000L + i;
      // each field its own copy, as when parsed from a request (new String(s) would share s's bytes)
      String text = description == null ? null : String.valueOf(description.toCharArray());
      recent.remember(new Submission(id,
          IdempotencyKeys.fingerprint("TRANSFER", from, to, amount, "EUR", text),
          UUID.randomUUID().toString(),
          new PendingView(id, "TRANSFER", amount, String.valueOf("EUR".toCharArray()), from, to, text, Instant.now())));
    }
    return recent;
  }

  /** A batch body of the largest size, movements with 500-character descriptions, as a JSON tree. */
  private static JsonNode batchTree() {
    StringBuilder body = new StringBuilder("{\"transactions\":[");
    String description = "\u20ac".repeat(JsonFields.MAX_DESCRIPTION_LENGTH);
    while (true) {
      String item = "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"type\":\"TRANSFER\",\"fromAccountId\":\""
          + UUID.randomUUID() + "\",\"toAccountId\":\"" + UUID.randomUUID()
          + "\",\"amount\":1000000000,\"currency\":\"EUR\",\"description\":\"" + description + "\"},";
      if ((body + item).getBytes(StandardCharsets.UTF_8).length + 2 > BATCH_MAX_BODY_BYTES) {
        break;
      }
      body.append(item);
    }
    body.setLength(body.length() - 1);
    byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    return JsonMapper.builder().build().readTree(bytes);
  }

  /**
   * The batch of the most JSON values TransactionBatchController reads (64 tokens per movement of
   * 500, 16 more) as a tree: empty objects, two tokens each, the largest tree per token.
   */
  private static JsonNode mostValues() {
    int objects = (64 * 500 + 16 - 4) / 2;
    String body = "{\"transactions\":[" + "{},".repeat(objects - 1) + "{}]}";
    return JsonMapper.builder().build().readTree(body.getBytes(StandardCharsets.UTF_8));
  }

  private static VerifiedTokens tokens(int count) {
    SecretKey key = new SecretKeySpec("a-secret-for-measuring-only-32-bytes!".getBytes(StandardCharsets.UTF_8),
        "HmacSHA256");
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    VerifiedTokens tokens = new VerifiedTokens(NimbusJwtDecoder.withSecretKey(key).build(),
        JwtValidators.createDefault());
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      // the claims TokenService issues
      JwtClaimsSet claims = JwtClaimsSet.builder().id(UUID.randomUUID().toString())
          .subject(UUID.randomUUID().toString()).claim(CallerResolver.ROLE_CLAIM, "CUSTOMER").issuedAt(now)
          .expiresAt(now.plus(Duration.ofHours(1))).build();
      tokens.decode(encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
          .getTokenValue());
    }
    return tokens;
  }

  private static void measure(String name, int entries, IntFunction<Object> fill) {
    long before = usedAfterCollections();
    Object filled = fill.apply(entries);
    long after = usedAfterCollections();
    double each = (after - before) / (double) entries;
    System.out.printf("%-58s %,10d %,11.0f %13.1f%n", name, entries, each, (after - before) / 1048576.0);
    Reference.reachabilityFence(filled);
  }

  private static long usedAfterCollections() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private GatewayMemoryFootprint() {}
}
