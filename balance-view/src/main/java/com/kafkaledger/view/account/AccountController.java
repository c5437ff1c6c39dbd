package com.kafkaledger.view.account;

import com.kafkaledger.view.problem.NotFoundException;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Balances. Who may see which account is the gateway's decision; it asks on the caller's behalf. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

  private final AccountRepository accounts;

  AccountController(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/{accountId}")
  AccountView account(@PathVariable UUID accountId) {
    return accounts.find(accountId)
        .orElseThrow(() -> new NotFoundException("No account " + accountId + "."));
  }

  @GetMapping
  AccountList accountsOf(@RequestParam String ownerId) {
    return new AccountList(accounts.findByOwner(ownerId));
  }

  /** For the gateway's limit on accounts per owner: one count, whatever the number of accounts. */
  @GetMapping("/open-count")
  OpenAccountCount openAccountsOf(@RequestParam String ownerId) {
    return accounts.countOpen(ownerId);
  }
}
