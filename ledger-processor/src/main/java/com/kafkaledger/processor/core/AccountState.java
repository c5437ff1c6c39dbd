package com.kafkaledger.processor.core;

import com.kafkaledger.events.AccountKind;

/**
 * Everything the ledger keeps about one account: small on purpose, history lives in the event
 * topic and the view.
 *
 * @param sequence the sequence number of the account's last event (0 before it is opened)
 */
public record AccountState(
    String accountId,
    String ownerId,
    AccountKind kind,
    String currency,
    long balance,
    long overdraftLimit,
    AccountStatus status,
    long sequence) {

  public AccountState {
    if (overdraftLimit < 0) {
      throw new IllegalArgumentException("overdraftLimit must not be negative: " + overdraftLimit);
    }
    if (balance < -overdraftLimit) {
      throw new IllegalStateException("balance " + balance + " is below the floor -" + overdraftLimit
          + " of account " + accountId);
    }
  }

  /** The lowest balance the account may reach. */
  public long floor() {
    return -overdraftLimit;
  }

  public boolean isClosed() {
    return status == AccountStatus.CLOSED;
  }

  AccountState withBalance(long newBalance) {
    return new AccountState(accountId, ownerId, kind, currency, newBalance, overdraftLimit, status, sequence + 1);
  }

  AccountState withNextSequence() {
    return new AccountState(accountId, ownerId, kind, currency, balance, overdraftLimit, status, sequence + 1);
  }

  AccountState withOverdraftLimit(long limit) {
    return new AccountState(accountId, ownerId, kind, currency, balance, limit, status, sequence + 1);
  }

  AccountState closed() {
    return new AccountState(accountId, ownerId, kind, currency, balance, overdraftLimit,
        AccountStatus.CLOSED, sequence + 1);
  }
}
