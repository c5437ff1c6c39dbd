package com.kafkaledger.bench.ledger;

import com.kafkaledger.events.LedgerCommand;
import java.util.random.RandomGenerator;

/** What the ledger-alone part measures: which commands are pre-loaded, and what they turn into. */
public enum LedgerWorkload {
  /** Top-ups of uniformly chosen accounts: one command, one event each. */
  DEPOSITS("deposits", "deposits", 1, null),
  /** Between two different, uniformly chosen accounts: the debit, then the credit leg the ledger sends itself. */
  TRANSFERS("transfers", "transfers (uniform)", 2, "transfers"),
  /** Random customers charged by one merchant: every credit leg lands on the merchant's one account. */
  HOT_MERCHANT("hot-merchant", "charges (hot merchant)", 2, "charges");

  /** Funding deposit per customer before transfers and charges, as in the baseline's schema. */
  static final long FUNDING = 1_000_000;

  private final String optionName;
  private final String label;
  private final int commandsPerInput;
  private final String settledUnit;

  LedgerWorkload(String optionName, String label, int commandsPerInput, String settledUnit) {
    this.optionName = optionName;
    this.label = label;
    this.commandsPerInput = commandsPerInput;
    this.settledUnit = settledUnit;
  }

  /** Its name on the command line (--ledger-workloads). */
  public String optionName() {
    return optionName;
  }

  public String label() {
    return label;
  }

  /** Commands the ledger processes per pre-loaded command: 2 when the ledger sends a credit leg too. */
  public int commandsPerInput() {
    return commandsPerInput;
  }

  /** What one settled two-legged transaction is called ("transfers"), null for one-legged workloads. */
  public String settledUnit() {
    return settledUnit;
  }

  public boolean isTwoLegged() {
    return settledUnit != null;
  }

  /** One measured command, its amount like the baseline's: {@code random(1, 1000)}. */
  LedgerCommand next(BenchAccounts accounts, RandomGenerator random) {
    long amount = random.nextLong(1, 1001);
    return switch (this) {
      case DEPOSITS -> BenchCommands.deposit(accounts.anyCustomer(random), amount, "bench deposit");
      case TRANSFERS -> {
        BenchAccounts.Account[] pair = accounts.twoCustomers(random);
        yield BenchCommands.transfer(pair[0], pair[1], amount);
      }
      case HOT_MERCHANT -> BenchCommands.charge(accounts.anyCustomer(random), accounts.merchant(), amount);
    };
  }
}
