package com.kafkaledger.gateway.transaction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.access.AccountAccess;
import com.kafkaledger.gateway.access.ForbiddenException;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.view.ViewClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Who may submit which movement, and who may see a transaction. */
@Component
class TransactionAccess {

  // A merchant's one open account, remembered briefly so charges do not each ask the view. A merchant
  // who closes it and opens another meanwhile has charges credited to the closed one reversed for
  // at most this long: the ledger never credits a closed account.
  private static final Duration MERCHANT_ACCOUNT_MEMORY = Duration.ofSeconds(10);

  private final AccountAccess accounts;
  private final ViewClient view;
  private final Cache<String, String> merchantAccounts = Caffeine.newBuilder()
      .expireAfterWrite(MERCHANT_ACCOUNT_MEMORY).maximumSize(100_000).build();

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
        accounts.requireOwner(caller, request.toAccountId());
        yield request;
      }
      case WITHDRAWAL, TRANSFER -> {
        accounts.requireOwner(caller, request.fromAccountId());
        yield request;
      }
      case CHARGE -> {
        String merchantAccount = merchantAccountOf(caller);
        // the ledger would take a movement from an account to itself as a broken command, not decide it
        if (merchantAccount.equals(request.fromAccountId())) {
          throw InvalidRequestException.of("fromAccountId", "must be a customer's wallet, not your own account");
        }
        yield request.withDestination(merchantAccount);
      }
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
    String remembered = merchantAccounts.getIfPresent(caller.id());
    if (remembered != null) {
      return remembered;
    }
    String accountId = view.accountsOf(caller.id()).stream()
        .filter(account -> AccountKind.MERCHANT.name().equals(account.get("kind")))
        .filter(account -> Objects.equals(account.get("status"), "OPEN"))
        .map(account -> (String) account.get("accountId"))
        .findFirst()
        .orElseThrow(() -> new MerchantAccountMissingException());
    merchantAccounts.put(caller.id(), accountId);
    return accountId;
  }
}
