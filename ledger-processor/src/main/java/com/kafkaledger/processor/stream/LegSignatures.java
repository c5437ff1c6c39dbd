package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerCommand;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The ledger signs the CREDIT and REVERSAL legs it sends itself (HMAC-SHA256 with a key only the
 * ledger instances hold) and applies such legs only with a valid signature: a leg forged onto the
 * command topic would otherwise take money out of transit that was never put there.
 */
final class LegSignatures {

  static final String HEADER = "ledger.leg-signature";
  /** HMAC-SHA256 wants a key of at least 256 bits. */
  static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  // A Mac is not thread-safe, and making one per leg costs a provider lookup: one per stream thread.
  private final ThreadLocal<Mac> macs;

  LegSignatures(String key) {
    byte[] bytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException("ledger.processor.leg-signing-key (LEDGER_LEG_SIGNING_KEY) must be at least "
          + MIN_KEY_BYTES + " bytes, the same on every ledger instance");
    }
    SecretKeySpec secret = new SecretKeySpec(bytes, ALGORITHM);
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(secret);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
      }
    });
  }

  /** Adds the leg's signature to {@code headers}, replacing any earlier one. */
  void sign(LedgerCommand leg, Headers headers) {
    headers.remove(HEADER);
    headers.add(HEADER, signature(leg));
  }

  /** Whether the record carries this leg's signature; compared in constant time. */
  boolean isSigned(LedgerCommand leg, Headers headers) {
    Header presented = headers.lastHeader(HEADER);
    return presented != null && MessageDigest.isEqual(signature(leg), presented.value());
  }

  /** Over every field that decides where money goes and how much. */
  private byte[] signature(LedgerCommand leg) {
    String signed = String.join("\u001f", leg.transactionId(), leg.type().name(), String.valueOf(leg.leg()),
        leg.accountId(), String.valueOf(leg.counterpartyAccountId()), String.valueOf(leg.amount()),
        leg.currency(), String.valueOf(leg.initiatorId()), String.valueOf(leg.initiatorRole()),
        String.valueOf(leg.reason()));
    // doFinal resets the Mac for the next leg
    return Base64.getEncoder().encode(macs.get().doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }
}
