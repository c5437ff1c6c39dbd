package com.kafkaledger.bench.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The accounts a workload runs over: customer wallets, each with its own owner as the gateway
 * would have them after sign-up, and one merchant account for the charges.
 */
public final class BenchAccounts {

  /** An account and the user who owns it (ids as the gateway makes them: UUIDs). */
  public record Account(String accountId, String ownerId) {
    static Account random() {
      return new Account(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }
  }

  private final List<Account> customers;
  private final Account merchant = Account.random();

  public BenchAccounts(int customerCount) {
    List<Account> accounts = new ArrayList<>(customerCount);
    for (int i = 0; i < customerCount; i++) {
      accounts.add(Account.random());
    }
    this.customers = List.copyOf(accounts);
  }

  public List<Account> customers() {
    return customers;
  }

  public Account merchant() {
    return merchant;
  }

  /** A customer, uniformly. */
  public Account anyCustomer(RandomGenerator random) {
    return customers.get(random.nextInt(customers.size()));
  }

  /**
   * Two different customers, each uniform: the transfer script's {@code b = (a + random(0, n-2)) % n + 1},
   * here over indexes 0..n-1.
   */
  public Account[] twoCustomers(RandomGenerator random) {
    int n = customers.size();
    int a = random.nextInt(n);
    int b = (a + 1 + random.nextInt(n - 1)) % n;
    return new Account[] {customers.get(a), customers.get(b)};
  }
}
