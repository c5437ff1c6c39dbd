package com.kafkaledger.examples.chargevolume;

/** The running total of one merchant account's completed charges in one window (the store's value). */
public record ChargeTotal(String currency, long amount, long charges) {

  public static ChargeTotal none() {
    return new ChargeTotal(null, 0, 0);
  }

  public ChargeTotal plus(LedgerEventFields charge) {
    // An account has one currency (the ledger rejects a charge in another), so the account's
    // total is already per currency. Stop rather than add two currencies if that ever changed.
    if (currency != null && !currency.equals(charge.currency())) {
      throw new IllegalStateException("account " + charge.accountId() + " was credited in "
          + charge.currency() + " after " + currency);
    }
    return new ChargeTotal(charge.currency(), Math.addExact(amount, charge.amount()), charges + 1);
  }
}
