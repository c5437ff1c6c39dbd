package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class LegSignaturesTest {

  private static final String OLD_KEY = "leg-signatures-test-old-key-32-bytes";
  private static final String NEW_KEY = "leg-signatures-test-new-key-32-bytes";
  private static final LedgerCommand CREDIT = LedgerCommand.debitLeg("tx-1", CommandType.TRANSFER, "from", "to",
      "alice", 500, "EUR", "rent", "fp", Instant.parse("2026-11-24T10:00:00Z")).creditLeg();

  @Test
  void duringARotationLegsUnderEitherKeyAreKnownAndNewLegsAreSignedWithTheNewKey() {
    LegSignatures rotating = new LegSignatures(NEW_KEY, List.of(OLD_KEY));
    RecordHeaders underOldKey = new RecordHeaders();
    new LegSignatures(OLD_KEY, List.of()).sign(CREDIT, underOldKey);
    RecordHeaders underNewKey = new RecordHeaders();
    rotating.sign(CREDIT, underNewKey);

    assertThat(rotating.signer(CREDIT, underOldKey)).isEqualTo(LegSignatures.Signer.ACCEPTED_KEY);
    assertThat(rotating.signer(CREDIT, underNewKey)).isEqualTo(LegSignatures.Signer.SIGNING_KEY);
    assertThat(new LegSignatures(NEW_KEY, List.of()).signer(CREDIT, underOldKey))
        .as("once the old key is no longer accepted").isEqualTo(LegSignatures.Signer.NONE);
  }

  @Test
  void aLegChangedAfterSigningOrUnsignedIsNotKnown() {
    LegSignatures signatures = new LegSignatures(NEW_KEY, List.of(OLD_KEY));
    RecordHeaders headers = new RecordHeaders();
    signatures.sign(CREDIT, headers);
    LedgerCommand larger = LedgerCommand.debitLeg("tx-1", CommandType.TRANSFER, "from", "to", "alice", 5_000, "EUR",
        "rent", "fp", Instant.parse("2026-11-24T10:00:00Z")).creditLeg();

    assertThat(signatures.signer(larger, headers)).isEqualTo(LegSignatures.Signer.NONE);
    assertThat(signatures.signer(CREDIT, new RecordHeaders())).isEqualTo(LegSignatures.Signer.NONE);
  }

  @Test
  void aShortKeyIsRefusedNamingItsSetting() {
    assertThatThrownBy(() -> new LegSignatures("too-short", List.of()))
        .hasMessageContaining("LEDGER_LEG_SIGNING_KEY").hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> new LegSignatures(NEW_KEY, List.of(OLD_KEY, "too-short")))
        .hasMessageContaining("LEDGER_LEG_ACCEPTED_KEYS").hasMessageContaining("at least 32 bytes");
  }
}
