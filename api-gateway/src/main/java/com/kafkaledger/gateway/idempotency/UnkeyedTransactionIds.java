package com.kafkaledger.gateway.idempotency;

import com.kafkaledger.gateway.caller.Caller;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ids for movements sent without an Idempotency-Key. Each is a version 7 UUID: the time it was
 * minted, 58 random bits, and a 16-bit tag, an HMAC of the rest and of the initiator's id under a
 * key every gateway instance derives from the token secret. So any instance can tell from the id
 * alone that its caller submitted it lately, before the view shows it, and nothing about anyone
 * else's id. (One made-up id in 65,536 passes: its caller waits for the view, then gets a 503.)
 */
@Component
public class UnkeyedTransactionIds {

  private static final long TAG_MASK = 0xFFFFL;

  private final SecretKeySpec tagKey;
  private final Duration window;
  private final ThreadLocal<Mac> macs;

  /**
   * @param tokenSecret the secret the instances share (checked by TokenService); the tags' key is
   *     derived from it, so rotating it makes earlier ids untold, as after the window
   * @param window how long after its minting an id counts as lately submitted
   */
  UnkeyedTransactionIds(@Value("${ledger.gateway.token-secret}") String tokenSecret,
      @Value("${ledger.gateway.minted-lately-window}") Duration window) {
    Mac derivation = hmac(new SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    this.tagKey = new SecretKeySpec(derivation.doFinal("unkeyed transaction id tags".getBytes(StandardCharsets.UTF_8)),
        "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> hmac(tagKey));
    this.window = window;
  }

  public String mint(Caller caller) {
    return mint(caller.id(), System.currentTimeMillis()).toString();
  }

  UUID mint(String initiatorId, long unixMillis) {
    UUID random = RandomUuids.version7(unixMillis);
    long untagged = random.getLeastSignificantBits() & ~TAG_MASK;
    return new UUID(random.getMostSignificantBits(), untagged | tag(random.getMostSignificantBits(), untagged,
        initiatorId));
  }

  /** Whether this caller submitted the id within the window (either instance's clock may be ahead). */
  public boolean mintedLatelyBy(String id, Caller caller) {
    UUID uuid = UUID.fromString(id);
    Optional<Instant> minted = RandomUuids.mintedAt(uuid);
    if (minted.isEmpty() || Duration.between(minted.get(), Instant.now()).abs().compareTo(window) > 0) {
      return false;
    }
    long untagged = uuid.getLeastSignificantBits() & ~TAG_MASK;
    return (uuid.getLeastSignificantBits() & TAG_MASK) == tag(uuid.getMostSignificantBits(), untagged, caller.id());
  }

  private long tag(long most, long untaggedLeast, String initiatorId) {
    Mac mac = macs.get();
    mac.update(ByteBuffer.allocate(16).putLong(most).putLong(untaggedLeast).array());
    byte[] digest = mac.doFinal(initiatorId.getBytes(StandardCharsets.UTF_8));
    return ((digest[0] & 0xFFL) << 8) | (digest[1] & 0xFFL);
  }

  private static Mac hmac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
