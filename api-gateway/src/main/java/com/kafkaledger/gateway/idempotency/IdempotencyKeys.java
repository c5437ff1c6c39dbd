package com.kafkaledger.gateway.idempotency;

import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.request.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Turns (caller, Idempotency-Key) into ids, deterministically: any gateway instance, before or
 * after a restart, derives the same transaction id for a retry, and the ledger applies a
 * transaction id once.
 */
public final class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_KEY_LENGTH = 255;

  private IdempotencyKeys() {}

  /**
   * @param purpose separates the id spaces of different uses of one key (a transaction, an
   *     account opening, the account it opens)
   * @param key the client's Idempotency-Key, or null for a request that is never retried safely
   *     (then the id is random)
   */
  public static String derive(String purpose, Caller caller, String key) {
    if (key == null) {
      return RandomUuids.version4().toString();
    }
    return UUID.nameUUIDFromBytes((purpose + "\n" + caller.id() + "\n" + key)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Whether the id is one {@link #derive} made from a key (a name-based, version 3 UUID). */
  public static boolean isDerivedFromKey(String id) {
    return UUID.fromString(id).version() == 3;
  }

  /** Null when no header was sent; refused when it is empty or too long. */
  public static String validated(String header) {
    if (header == null) {
      return null;
    }
    if (header.isBlank() || header.length() > MAX_KEY_LENGTH) {
      throw InvalidRequestException.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    return header;
  }

  /** A digest of the parts of a request that make it what it is, to tell a retry from a reuse. */
  public static String fingerprint(Object... parts) {
    StringBuilder canonical = new StringBuilder();
    for (Object part : parts) {
      canonical.append(part == null ? "\u0000" : part.toString()).append('\u001f');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
