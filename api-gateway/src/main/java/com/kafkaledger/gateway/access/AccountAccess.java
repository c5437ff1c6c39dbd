package com.kafkaledger.gateway.access;

import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.caller.Caller;
import com.kafkaledger.gateway.problem.NotFoundException;
import com.kafkaledger.gateway.view.ViewClient;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Who may see or use an account. Someone else's account answers exactly like one that does not
 * exist (404), so ids cannot be probed.
 */
@Component
public class AccountAccess {

  private final ViewClient view;
  private final AccountOwners owners;

  AccountAccess(ViewClient view, AccountOwners owners) {
    this.view = view;
    this.owners = owners;
  }

  /**
   * Passes if the caller owns the account, else 404, like {@link #owned} but without a read of the
   * view once the owner is known: the check on the path of every submitted movement.
   */
  public void requireOwner(Caller caller, String accountId) {
    String owner = owners.find(accountId).orElse(null);
    if (owner == null) {
      owner = (String) find(accountId).get("ownerId");
      owners.remember(accountId, owner);
    }
    if (!Objects.equals(owner, caller.id())) {
      throw notFound(accountId);
    }
  }

  /** The account, if the caller owns it or is an operator. */
  public Map<String, Object> readable(Caller caller, String accountId) {
    Map<String, Object> account = find(accountId);
    if (!caller.is(Role.OPERATOR) && !ownedBy(account, caller)) {
      throw notFound(accountId);
    }
    return account;
  }

  /** The account, if the caller owns it: only owners move money out of or close an account. */
  public Map<String, Object> owned(Caller caller, String accountId) {
    Map<String, Object> account = find(accountId);
    if (!ownedBy(account, caller)) {
      throw notFound(accountId);
    }
    return account;
  }

  public static boolean ownedBy(Map<String, Object> account, Caller caller) {
    return Objects.equals(account.get("ownerId"), caller.id());
  }

  private Map<String, Object> find(String accountId) {
    return view.account(accountId).orElseThrow(() -> notFound(accountId));
  }

  private static NotFoundException notFound(String accountId) {
    return new NotFoundException("account " + accountId + " was not found");
  }
}
