package com.kafkaledger.bench.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The accounts the REST workloads move money between, made through the public API: customers with
 * {@code accountsPerCustomer} funded accounts each, and one merchant whose account every charge credits.
 */
final class BenchBank {

  static final String CURRENCY = "EUR";
  static final long FUNDING = 1_000_000_000L;
  private static final String PASSWORD = "bench-password-1234";
  private static final int IN_FLIGHT = 64;
  /** Funding deposits per batch request. */
  private static final int FUNDING_BATCH = 100;
  /**
   * Funding batches sent at once: as many as the gateway takes at once by default
   * ({@code ledger.gateway.batch-max-in-progress}), so that none waits there for room.
   */
  private static final int FUNDING_BATCHES_IN_FLIGHT = 16;

  record Account(String id, String ownerToken) {}

  final List<Account> accounts = new ArrayList<>();
  /** The same accounts by customer: the accounts one token may move money from. */
  final List<List<Account>> customers = new ArrayList<>();
  /** The funding deposits' transaction ids: the runs start once all of them are visible. */
  final List<String> fundingTransactions = new ArrayList<>();
  String merchantToken;
  String merchantAccountId;

  static BenchBank create(RestClient rest, int customers, int accountsPerCustomer) throws IOException,
      InterruptedException {
    BenchBank bank = new BenchBank();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      tokens.add(signUp(rest, "customer-" + i, "CUSTOMER"));
    }
    bank.merchantToken = signUp(rest, "merchant", "MERCHANT");
    bank.merchantAccountId = open(rest, bank.merchantToken);
    System.out.printf("pipeline: %d customers signed up, opening %d accounts%n", customers,
        customers * accountsPerCustomer);
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<RestClient.Answer>> openings = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (String token : tokens) {
      for (int i = 0; i < accountsPerCustomer; i++) {
        inFlight.acquire();
        openings.add(rest.post("/api/v1/accounts", token, "{\"currency\":\"" + CURRENCY + "\"}")
            .whenComplete((answer, failure) -> inFlight.release()));
        owners.add(token);
      }
    }
    Map<String, List<Account>> byOwner = new LinkedHashMap<>();
    for (int i = 0; i < openings.size(); i++) {
      RestClient.Answer opened = openings.get(i).join();
      if (opened.status() != 201 && opened.status() != 202) {
        throw new IOException("opening an account answered " + opened.status() + " " + opened.body());
      }
      Account account = new Account(opened.field("accountId"), owners.get(i));
      bank.accounts.add(account);
      byOwner.computeIfAbsent(account.ownerToken(), owner -> new ArrayList<>()).add(account);
    }
    bank.customers.addAll(byOwner.values());
    System.out.printf("pipeline: funding %d accounts with %d each%n", bank.accounts.size(), FUNDING);
    List<Account> unfunded = bank.accounts;
    Semaphore batchesInFlight = new Semaphore(FUNDING_BATCHES_IN_FLIGHT);
    for (int round = 0; !unfunded.isEmpty(); round++) {
      if (round == 10) {
        throw new IOException(unfunded.size() + " accounts could not be funded");
      }
      Thread.sleep(round * 1_000L);
      unfunded = fund(rest, unfunded, batchesInFlight, bank.fundingTransactions);
    }
    return bank;
  }

  /**
   * Deposits {@code FUNDING} into each account, up to {@code FUNDING_BATCH} of one owner per
   * {@code POST /api/v1/transactions/batch}; returns the accounts to try again: those whose deposit
   * was answered 404 (the view does not show the account yet, its opening answered 202) or 503
   * (the gateway busy, or Kafka unavailable). Each account's deposit keeps its key
   * ({@code funding-<account id>}) from round to round, as a careful client's retry does, so a
   * deposit that was published after all is not made twice.
   */
  private static List<Account> fund(RestClient rest, List<Account> accounts, Semaphore inFlight,
      List<String> transactionIds) throws IOException, InterruptedException {
    Map<String, List<Account>> byOwner = new LinkedHashMap<>();
    accounts.forEach(account -> byOwner.computeIfAbsent(account.ownerToken(), owner -> new ArrayList<>()).add(account));
    List<List<Account>> batches = new ArrayList<>();
    List<CompletableFuture<List<RestClient.Answer>>> answers = new ArrayList<>();
    for (List<Account> owned : byOwner.values()) {
      for (int from = 0; from < owned.size(); from += FUNDING_BATCH) {
        List<Account> batch = owned.subList(from, Math.min(owned.size(), from + FUNDING_BATCH));
        List<String> deposits = batch.stream().map(account -> deposit(account.id(), FUNDING)).toList();
        inFlight.acquire();
        batches.add(batch);
        List<String> keys = batch.stream().map(account -> "funding-" + account.id()).toList();
        answers.add(OpenLoop.postBatch(rest, batch.get(0).ownerToken(), deposits, keys)
            .whenComplete((answer, failure) -> inFlight.release()));
      }
    }
    List<Account> again = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      List<RestClient.Answer> items = answers.get(b).join();
      for (int i = 0; i < items.size(); i++) {
        RestClient.Answer answer = items.get(i);
        if (answer.status() == 404 || answer.status() == 503) {
          again.add(batches.get(b).get(i));
        } else if (answer.status() == 202) {
          transactionIds.add(answer.transactionId());
        } else {
          throw new IOException("funding answered " + answer.status() + " " + answer.body());
        }
      }
    }
    if (!again.isEmpty()) {
      System.out.printf("pipeline: %d deposits answered 404 or 503, sent again in the next round%n", again.size());
    }
    return again;
  }

  static String deposit(String accountId, long amount) {
    return "{\"type\":\"DEPOSIT\",\"accountId\":\"" + accountId + "\",\"amount\":" + amount + ",\"currency\":\""
        + CURRENCY + "\"}";
  }

  static String transfer(String from, String to, long amount) {
    return "{\"type\":\"TRANSFER\",\"fromAccountId\":\"" + from + "\",\"toAccountId\":\"" + to + "\",\"amount\":"
        + amount + ",\"currency\":\"" + CURRENCY + "\"}";
  }

  static String charge(String wallet, long amount) {
    return "{\"type\":\"CHARGE\",\"fromAccountId\":\"" + wallet + "\",\"amount\":" + amount + ",\"currency\":\""
        + CURRENCY + "\",\"description\":\"bench order\"}";
  }

  private static String signUp(RestClient rest, String name, String role) throws IOException {
    String email = name + "-" + UUID.randomUUID() + "@bench.local";
    RestClient.Answer signedUp = rest.postAndWait("/api/v1/auth/signup", null, "{\"email\":\"" + email
        + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\",\"displayName\":\"" + name + "\"}");
    if (signedUp.status() != 201) {
      throw new IOException("sign-up answered " + signedUp.status() + " " + signedUp.body());
    }
    RestClient.Answer token = rest.postAndWait("/api/v1/auth/token", null,
        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    if (token.status() != 200) {
      throw new IOException("sign-in answered " + token.status() + " " + token.body());
    }
    return token.field("accessToken");
  }

  private static String open(RestClient rest, String token) throws IOException {
    RestClient.Answer opened = rest.postAndWait("/api/v1/accounts", token, "{\"currency\":\"" + CURRENCY + "\"}");
    if (opened.status() != 201 && opened.status() != 202) {
      throw new IOException("opening an account answered " + opened.status() + " " + opened.body());
    }
    return opened.field("accountId");
  }
}
