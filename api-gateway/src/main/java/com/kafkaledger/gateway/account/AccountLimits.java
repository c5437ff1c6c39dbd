package com.kafkaledger.gateway.account;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.view.ViewClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many accounts one owner may have: a configurable number for customers, one for a merchant.
 * Checked against the view before the opening is published, so two openings racing each other
 * from one owner can exceed it by one; the ledger has no cross-account view to stop that.
 */
@Component
class AccountLimits {

  private final ViewClient view;
  private final int maxPerCustomer;

  AccountLimits(ViewClient view, @Value("${ledger.gateway.max-accounts-per-customer}") int maxPerCustomer) {
    this.view = view;
    this.maxPerCustomer = maxPerCustomer;
  }

  void requireRoomFor(Caller caller, AccountKind kind) {
    ViewClient.OpenAccounts open = view.openAccountsOf(caller.id());
    boolean merchant = kind == AccountKind.MERCHANT || open.merchant();
    int limit = merchant ? 1 : maxPerCustomer;
    if (open.count() >= limit) {
      throw new AccountLimitException(merchant
          ? "a merchant has exactly one account"
          : "a customer may have at most " + maxPerCustomer + " open accounts");
    }
  }
}
