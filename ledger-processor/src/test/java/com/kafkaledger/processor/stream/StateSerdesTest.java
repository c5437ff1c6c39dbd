package com.kafkaledger.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerTotals;
import com.kafkaledger.processor.core.AccountState;
import com.kafkaledger.processor.core.AccountStatus;
import com.kafkaledger.processor.core.ProcessedTransaction;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class StateSerdesTest {

  private static final AccountState ACCOUNT = new AccountState("acc-1", "owner-1", AccountKind.MERCHANT, "EUR",
      -250, 1_000, AccountStatus.OPEN, 42);
  private static final LedgerTotals TOTALS = new LedgerTotals(7, "USD", 1_500, 300, -1_800, 99,
      Instant.parse("2026-11-22T10:15:30.123456789Z"));

  @Test
  void everyStoredValueComesBackEqual() {
    assertThat(roundTrip(StateSerdes.accounts(), ACCOUNT)).isEqualTo(ACCOUNT);
    AccountState systemAccount = new AccountState("sys", null, AccountKind.SYSTEM, "EUR", 0, 0, AccountStatus.OPEN, 1);
    assertThat(roundTrip(StateSerdes.accounts(), systemAccount)).isEqualTo(systemAccount);
    ProcessedTransaction decided = new ProcessedTransaction("tx-1/CREDIT", "digest", "event-1");
    assertThat(roundTrip(StateSerdes.processedTransactions(), decided)).isEqualTo(decided);
    ProcessedTransaction followUpOnly = new ProcessedTransaction("tx-2", null, null);
    assertThat(roundTrip(StateSerdes.processedTransactions(), followUpOnly)).isEqualTo(followUpOnly);
    assertThat(roundTrip(StateSerdes.totals(), TOTALS)).isEqualTo(TOTALS);
  }

  /** State written as JSON by earlier versions, in a state directory or changelog, is still read. */
  @Test
  void stateWrittenAsJsonIsStillRead() {
    byte[] oldAccount = new JsonSerde<>(AccountState.class).serialize("changelog", ACCOUNT);
    byte[] oldTotals = JsonSerde.totals().serialize("changelog", TOTALS);

    assertThat(StateSerdes.accounts().deserializer().deserialize("changelog", oldAccount)).isEqualTo(ACCOUNT);
    assertThat(StateSerdes.totals().deserializer().deserialize("changelog", oldTotals)).isEqualTo(TOTALS);
  }

  @Test
  void binaryFormIsSmallerThanJsonAndAnUnknownFormatIsRefused() {
    byte[] binary = StateSerdes.accounts().serializer().serialize("store", ACCOUNT);
    assertThat(binary.length).isLessThan(new JsonSerde<>(AccountState.class).serialize("store", ACCOUNT).length);

    binary[0] = 9;
    assertThatThrownBy(() -> StateSerdes.accounts().deserializer().deserialize("store", binary))
        .hasMessageContaining("unknown state format 9");
  }

  private static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("store", serde.serializer().serialize("store", value));
  }
}
