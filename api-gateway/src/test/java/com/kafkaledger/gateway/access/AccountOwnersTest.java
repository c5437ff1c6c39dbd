package com.kafkaledger.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AccountOwnersTest {

  @Test
  void rememberedOwnersStayWithinTheBoundAndAreCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AccountOwners owners = new AccountOwners(1_000, registry);

    for (int account = 0; account < 10_000; account++) {
      owners.remember("account-" + account, "owner-" + account % 7);
    }
    assertThat(owners.find("account-9999")).contains("owner-" + 9999 % 7);
    assertThat(owners.find("never-seen")).isEmpty();

    assertThat(owners.remembered()).isLessThanOrEqualTo(1_000);
    assertThat(gauge(registry, "cache.size")).isLessThanOrEqualTo(1_000);
    assertThat(gets(registry, "hit")).isEqualTo(1);
    assertThat(gets(registry, "miss")).isEqualTo(1);
  }

  private static double gauge(SimpleMeterRegistry registry, String name) {
    return registry.get(name).tag("cache", "ledger.gateway.account.owners").gauge().value();
  }

  private static double gets(SimpleMeterRegistry registry, String result) {
    return registry.get("cache.gets").tag("cache", "ledger.gateway.account.owners").tag("result", result)
        .functionCounter().count();
  }
}
