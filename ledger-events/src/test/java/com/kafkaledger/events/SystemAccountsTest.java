package com.kafkaledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SystemAccountsTest {

  /** The ids are in every service's data and in the events already written: they must not move. */
  @Test
  void theIdsAreTheNameBasedUuidsTheyAlwaysWere() {
    for (int time = 0; time < 2; time++) { // the second time from the remembered ids
      assertThat(SystemAccounts.idFor("EUR")).isEqualTo("96a70c61-6f89-3c08-b911-e300054cea5c")
          .isEqualTo(nameUuid("ledger-system-account:EUR"));
      assertThat(SystemAccounts.transitIdFor("EUR")).isEqualTo("ed9c8296-a001-35a2-8fac-0d3f04786841")
          .isEqualTo(nameUuid("ledger-transit-account:EUR"));
    }
  }

  @Test
  void eachCurrencyAndEachRoleHasItsOwnAccount() {
    assertThat(SystemAccounts.idFor("EUR")).isNotEqualTo(SystemAccounts.idFor("USD"))
        .isNotEqualTo(SystemAccounts.transitIdFor("EUR"));
    assertThat(SystemAccounts.transitIdFor("EUR")).isNotEqualTo(SystemAccounts.transitIdFor("USD"));
  }

  private static String nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
