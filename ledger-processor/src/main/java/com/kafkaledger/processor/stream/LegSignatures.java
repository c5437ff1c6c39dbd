package com.kafkaledger.processor.stream;

import com.kafkaledger.events.LedgerCommand;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The ledger signs the CREDIT and REVERSAL legs it sends itself (HMAC-SHA256 with a key only the
 * ledger instances hold) and applies such legs only with a valid signature: a leg forged onto the
 * command topic would otherwise take money out of transit that was never put there. Legs signed
 * with one of the accepted keys (the other key, while the signing key is rotated) are applied too.
 */
final class LegSignatures {

  static final String HEADER = "ledger.leg-signature";
  /** HMAC-SHA256 wants a key of at least 256 bits. */
  static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";

  /** Whose signature a leg carries. */
  enum Signer {
    /** the signing key's */
    SIGNING_KEY,
    /** one of the accepted keys' (signed before a rotation) */
    ACCEPTED_KEY,
    /** none the ledger knows: a forged leg, or one signed with a key no longer accepted */
    NONE
  }

  // A Mac is not thread-safe, and making one per leg costs a provider lookup: one per stream thread.
  private final ThreadLocal<Mac> signingMac;
  private final List<ThreadLocal<Mac>> acceptedMacs = new ArrayList<>();

  LegSignatures(String signingKey, List<String> acceptedKeys) {
    this.signingMac = macs(signingKey, "ledger.processor.leg-signing-key (LEDGER_LEG_SIGNING_KEY)");
    for (String key : acceptedKeys) {
      acceptedMacs.add(macs(key, "each of ledger.processor.leg-accepted-keys (LEDGER_LEG_ACCEPTED_KEYS)"));
    }
  }

  private static ThreadLocal<Mac> macs(String key, String setting) {
    byte[] bytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(setting + " must be at least " + MIN_KEY_BYTES
          + " bytes, the same on every ledger instance");
    }
    SecretKeySpec secret = new SecretKeySpec(bytes, ALGORITHM);
    return ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(secret);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
      }
    });
  }

  /** Adds the leg's signature under the signing key to {@code headers}, replacing any earlier one. */
  void sign(LedgerCommand leg, Headers headers) {
    headers.remove(HEADER);
    headers.add(HEADER, signature(signingMac, leg));
  }

  /** Whose signature the record carries for this leg; compared in constant time. */
  Signer signer(LedgerCommand leg, Headers headers) {
    Header presented = headers.lastHeader(HEADER);
    if (presented == null) {
      return Signer.NONE;
    }
    if (MessageDigest.isEqual(signature(signingMac, leg), presented.value())) {
      return Signer.SIGNING_KEY;
    }
    for (ThreadLocal<Mac> accepted : acceptedMacs) {
      if (MessageDigest.isEqual(signature(accepted, leg), presented.value())) {
        return Signer.ACCEPTED_KEY;
      }
    }
    return Signer.NONE;
  }

  /** Over every field that decides where money goes and how much. */
  private static byte[] signature(ThreadLocal<Mac> macs, LedgerCommand leg) {
    String signed = String.join("\u001f", leg.transactionId(), leg.type().name(), String.valueOf(leg.leg()),
        leg.accountId(), String.valueOf(leg.counterpartyAccountId()), String.valueOf(leg.amount()),
        leg.currency(), String.valueOf(leg.initiatorId()), String.valueOf(leg.initiatorRole()),
        String.valueOf(leg.reason()));
    // doFinal resets the Mac for the next leg
    return Base64.getEncoder().encode(macs.get().doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }
}
