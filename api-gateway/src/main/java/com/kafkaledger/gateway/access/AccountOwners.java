package com.kafkaledger.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The owners of the accounts this gateway checked lately, so that the check on every submitted
 * movement reads the view only the first time. An account's owner is fixed when it is opened, so a
 * remembered owner is never stale. Bounded by {@code ledger.gateway.remembered-account-owners}: an
 * entry holds about 290 bytes of heap (README, "How it works, and how it scales"), and past the
 * bound the entries the cache expects to be used least go first.
 */
@Component
public class AccountOwners {

  private final Cache<String, String> ownerByAccount;

  public AccountOwners(@Value("${ledger.gateway.remembered-account-owners:200000}") int capacity,
      MeterRegistry registry) {
    this.ownerByAccount = Caffeine.newBuilder().maximumSize(capacity).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, ownerByAccount, "ledger.gateway.account.owners");
  }

  public Optional<String> find(String accountId) {
    return Optional.ofNullable(ownerByAccount.getIfPresent(accountId));
  }

  public void remember(String accountId, String ownerId) {
    ownerByAccount.put(accountId, ownerId);
  }

  /** How many owners are remembered now. */
  long remembered() {
    ownerByAccount.cleanUp();
    return ownerByAccount.estimatedSize();
  }
}
