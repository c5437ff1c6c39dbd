package com.kafkaledger.bench.ledger;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.CommandType;
import com.kafkaledger.events.LedgerCommand;
import com.kafkaledger.events.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Commands as the api-gateway publishes them (AccountController, TransactionRequest): a fresh
 * transaction id, the initiator and its role, a request fingerprint, keyed by the account the
 * command applies to. Transfers and charges are their debit leg; the ledger sends the credit leg.
 */
final class BenchCommands {

  static final String CURRENCY = "EUR";

  private BenchCommands() {}

  static LedgerCommand openCustomerAccount(BenchAccounts.Account account) {
    return LedgerCommand.openAccount(transactionId(), account.accountId(), account.ownerId(), AccountKind.CUSTOMER,
        CURRENCY, fingerprint("OPEN_ACCOUNT", AccountKind.CUSTOMER, CURRENCY), Instant.now()).byRole(Role.CUSTOMER);
  }

  static LedgerCommand openMerchantAccount(BenchAccounts.Account account) {
    return LedgerCommand.openAccount(transactionId(), account.accountId(), account.ownerId(), AccountKind.MERCHANT,
        CURRENCY, fingerprint("OPEN_ACCOUNT", AccountKind.MERCHANT, CURRENCY), Instant.now()).byRole(Role.MERCHANT);
  }

  /** A top-up by the account's owner. */
  static LedgerCommand deposit(BenchAccounts.Account account, long amount, String description) {
    return LedgerCommand.movement(transactionId(), CommandType.DEPOSIT, account.accountId(), account.ownerId(),
        amount, CURRENCY, description, fingerprint(CommandType.DEPOSIT, null, account.accountId(), amount, CURRENCY,
            description), Instant.now()).byRole(Role.CUSTOMER);
  }

  /** A transfer by the source's owner. */
  static LedgerCommand transfer(BenchAccounts.Account from, BenchAccounts.Account to, long amount) {
    String description = "bench transfer";
    return LedgerCommand.debitLeg(transactionId(), CommandType.TRANSFER, from.accountId(), to.accountId(),
        from.ownerId(), amount, CURRENCY, description, fingerprint(CommandType.TRANSFER, from.accountId(),
            to.accountId(), amount, CURRENCY, description), Instant.now()).byRole(Role.CUSTOMER);
  }

  /** A merchant charging a customer's wallet into the merchant's own account. */
  static LedgerCommand charge(BenchAccounts.Account customer, BenchAccounts.Account merchant, long amount) {
    String description = "bench charge";
    return LedgerCommand.debitLeg(transactionId(), CommandType.CHARGE, customer.accountId(), merchant.accountId(),
        merchant.ownerId(), amount, CURRENCY, description, fingerprint(CommandType.CHARGE, customer.accountId(),
            merchant.accountId(), amount, CURRENCY, description), Instant.now()).byRole(Role.MERCHANT);
  }

  private static String transactionId() {
    return UUID.randomUUID().toString();
  }

  /** The gateway's IdempotencyKeys.fingerprint: SHA-256 over the request's parts. */
  static String fingerprint(Object... parts) {
    StringBuilder canonical = new StringBuilder();
    for (Object part : parts) {
      canonical.append(part == null ? "\u0000" : part.toString()).append('\u001f');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
