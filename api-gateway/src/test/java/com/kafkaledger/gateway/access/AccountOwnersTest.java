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
    owners.find("account-9999");

    assertThat(owners.remembered()).isLessThanOrEqualTo(1_000);
    assertThat(registry.get("cache.size").tag("cache", "ledger.gateway.account.owners").gauge().value())
        .isLessThanOrEqualTo(1_000);
    assertThat(registry.get("cache.gets").tag("cache", "ledger.gateway.account.owners").tag("result", "hit")
        .functionCounter().count() + registry.get("cache.gets").tag("cache", "ledger.gateway.account.owners")
        .tag("result", "miss").functionCounter().count()).isEqualTo(1);
  }
}
