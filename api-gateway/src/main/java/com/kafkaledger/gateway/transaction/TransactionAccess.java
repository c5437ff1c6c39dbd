package com.kafkaledger.gateway.transaction;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.access.AccountAccess;
import com.kafkaledger.gateway.access.ForbiddenException;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.view.ViewClient;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Who may submit which movement, and who may see a transaction. */
@Component
class TransactionAccess {

  private final AccountAccess accounts;
  private final ViewClient view;

  TransactionAccess(AccountAccess accounts, ViewClient view) {
    this.accounts = accounts;
    this.view = view;
  }

  /**
   * The request as the caller may submit it: owners move money out of (and into) their own
   * accounts, any account may receive a transfer, and only a merchant may charge, always to its
   * own account.
   */
  TransactionRequest authorize(Caller caller, TransactionRequest request) {
    return switch (request.type()) {
      case DEPOSIT -> {
        accounts.owned(caller, request.toAccountId());
        yield request;
      }
      case WITHDRAWAL, TRANSFER -> {
        accounts.owned(caller, request.fromAccountId());
        yield request;
      }
      case CHARGE -> request.withDestination(merchantAccountOf(caller));
      default -> throw new IllegalStateException("not a movement: " + request.type());
    };
  }

  /** Participants (initiator, either account's owner) and operators see a transaction. */
  boolean maySee(Caller caller, String initiatorId, Map<String, Object> transaction) {
    return caller.is(Role.OPERATOR)
        || caller.id().equals(initiatorId)
        || ownsAccount(caller, (String) transaction.get("fromAccountId"))
        || ownsAccount(caller, (String) transaction.get("toAccountId"));
  }

  private boolean ownsAccount(Caller caller, String accountId) {
    return accountId != null && view.account(accountId)
        .map(account -> AccountAccess.ownedBy(account, caller)).orElse(false);
  }

  private String merchantAccountOf(Caller caller) {
    if (!caller.is(Role.MERCHANT)) {
      throw new ForbiddenException("only merchants may CHARGE");
    }
    return view.accountsOf(caller.id()).stream()
        .filter(account -> AccountKind.MERCHANT.name().equals(account.get("kind")))
        .filter(account -> Objects.equals(account.get("status"), "OPEN"))
        .map(account -> (String) account.get("accountId"))
        .findFirst()
        .orElseThrow(() -> new MerchantAccountMissingException());
  }
}
