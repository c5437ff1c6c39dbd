package com.kafkaledger.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The bank's clients: customers depositing, withdrawing and transferring (often to one hot
 * account, sometimes more than they have, sometimes to an account that does not exist or in
 * another currency), some of them also in batches, a merchant charging their wallets, an operator
 * changing overdraft limits.
 * Every request that got a 202 is remembered with what it asked for.
 */
final class Workload {

  static final String HOT_CURRENCY = "EUR";
  private static final int CUSTOMERS = 10;
  private static final double HOT_SHARE = 0.4;
  private static final int BATCH_CLIENTS = 2;

  /** A request the gateway accepted (202), with what the client asked for. */
  record Accepted(String transactionId, String type, String accountId, String toAccountId, long amount,
      String currency, ApiClient by) {}

  record Account(String id, String currency, ApiClient owner) {}

  private final String gatewayUrl;
  private final List<ApiClient> customers = new ArrayList<>();
  private final List<Account> accounts = new ArrayList<>();
  private ApiClient merchant;
  private Account merchantAccount;
  private ApiClient operator;
  private Account hot;
  private volatile boolean stopping;
  private final List<Thread> threads = new ArrayList<>();
  final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
  /** Answers other than 202 to a movement, by status; a careful client never gets any. */
  final Map<Integer, AtomicLong> refused = new ConcurrentHashMap<>();
  final AtomicLong requests = new AtomicLong();
  /** Reads of the books (the reconciliation endpoint) while the faults ran, and those that did not balance. */
  final AtomicLong booksReads = new AtomicLong();
  final ConcurrentLinkedQueue<String> unbalancedReads = new ConcurrentLinkedQueue<>();
  /** Requests still without a deciding answer when the client's patience ran out. */
  final AtomicLong undecided = new AtomicLong();

  Workload(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  /** Signs up the people and opens their accounts; a second currency makes mismatches possible. */
  void setUp(String operatorEmail, String operatorPassword) {
    operator = ApiClient.operator(gatewayUrl, operatorEmail, operatorPassword);
    for (int i = 0; i < CUSTOMERS; i++) {
      ApiClient customer = ApiClient.signUp(gatewayUrl, "customer-" + i, "CUSTOMER");
      customers.add(customer);
      accounts.add(open(customer, HOT_CURRENCY));
      accounts.add(open(customer, i % 3 == 0 ? "USD" : HOT_CURRENCY));
    }
    hot = accounts.get(0);
    merchant = ApiClient.signUp(gatewayUrl, "merchant", "MERCHANT");
    merchantAccount = open(merchant, HOT_CURRENCY);
    accounts.add(merchantAccount);
  }

  private Account open(ApiClient owner, String currency) {
    requests.incrementAndGet();
    ApiClient.Reply opened = owner.untilDecided("POST", "/api/v1/accounts", "{\"currency\":\"" + currency + "\"}",
        UUID.randomUUID().toString());
    if (!opened.accepted()) {
      throw new IllegalStateException("opening an account answered " + opened);
    }
    return new Account(opened.text("accountId"), currency, owner);
  }

  /**
   * Waits until every account is visible to its owner and remembers each opening as an accepted
   * request; a 201 shows the account, so the opening's transaction id is read from its history.
   */
  void awaitAccountsOpen() throws InterruptedException {
    for (Account account : accounts) {
      SystemCluster.await("account " + account.id() + " visible",
          () -> account.owner().get("/api/v1/accounts/" + account.id()).status() == 200, Duration.ofMinutes(1));
      ApiClient.Reply history = account.owner().get("/api/v1/accounts/" + account.id() + "/transactions");
      String openingId = history.body().get("items").get(0).get("transactionId").asString();
      accepted.add(new Accepted(openingId, "OPEN_ACCOUNT", account.id(), null, 0, account.currency(),
          account.owner()));
    }
  }

  ApiClient operator() {
    return operator;
  }

  void start() {
    for (ApiClient customer : customers) {
      startThread("client-" + customer.userId, () -> customerMove(customer));
    }
    // two customers also send batches, at the same time as their single requests
    for (ApiClient customer : customers.subList(0, BATCH_CLIENTS)) {
      startThread("batch-client-" + customer.userId, () -> batchedMoves(customer));
    }
    startThread("merchant", this::charge);
    startThread("operator", this::setOverdraftLimit);
  }

  private void startThread(String name, Runnable move) {
    Thread thread = new Thread(() -> loop(move), name);
    thread.start();
    threads.add(thread);
  }

  /** Stops issuing new requests; each client first sees its current one decided. */
  void stopAndAwait() throws InterruptedException {
    stopping = true;
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private void loop(Runnable move) {
    while (!stopping) {
      try {
        move.run();
      } catch (IllegalStateException gaveUp) {
        undecided.incrementAndGet();
        System.out.println("bank test: " + Thread.currentThread().getName() + " gave up: " + gaveUp.getMessage());
      }
      pause(ThreadLocalRandom.current().nextInt(5, 30));
    }
  }

  private void customerMove(ApiClient customer) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<Account> own = accounts.stream().filter(account -> account.owner() == customer).toList();
    Account from = own.get(random.nextInt(own.size()));
    double dice = random.nextDouble();
    if (dice < 0.3) {
      submit(customer, "DEPOSIT", from, null, random.nextLong(1, 3_000));
    } else if (dice < 0.5) {
      submit(customer, "WITHDRAWAL", from, null, random.nextLong(1, 1_500));
    } else {
      submit(customer, "TRANSFER", from, destination(from), random.nextLong(1, 1_200));
    }
  }

  // Mostly the hot account; sometimes any account (another currency: reversed), sometimes none at all.
  private String destination(Account from) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    double dice = random.nextDouble();
    String to;
    if (dice < HOT_SHARE) {
      to = hot.id();
    } else if (dice < 0.93) {
      to = accounts.get(random.nextInt(accounts.size())).id();
    } else {
      to = UUID.randomUUID().toString();
    }
    return to.equals(from.id()) ? merchantAccount.id() : to;
  }

  private void charge() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<Account> wallets = accounts.stream()
        .filter(account -> account.currency().equals(HOT_CURRENCY) && account != merchantAccount).toList();
    Account wallet = random.nextDouble() < HOT_SHARE ? hot : wallets.get(random.nextInt(wallets.size()));
    submit(merchant, "CHARGE", wallet, merchantAccount.id(), random.nextLong(1, 800));
  }

  private void setOverdraftLimit() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Account account = accounts.get(random.nextInt(accounts.size()));
    long limit = List.of(0L, 200L, 500L).get(random.nextInt(3));
    requests.incrementAndGet();
    ApiClient.Reply reply = operator.untilDecided("PUT", "/api/v1/accounts/" + account.id() + "/overdraft-limit",
        "{\"limit\":" + limit + "}", UUID.randomUUID().toString());
    record(reply, new Accepted(reply.text("transactionId"), "SET_OVERDRAFT_LIMIT", account.id(), null, limit,
        account.currency(), operator));
    readBooks();
    pause(random.nextInt(500, 1_500));
  }

  // Like the reads of Jepsen's bank test: the total, read while faults happen, must always be zero.
  private void readBooks() {
    ApiClient.Reply books = operator.get("/api/v1/admin/reconciliation");
    booksReads.incrementAndGet();
    if (books.status() != 200 || !books.body().get("balanced").asBoolean()) {
      unbalancedReads.add(books.status() + " " + books.body());
    }
  }

  private void submit(ApiClient client, String type, Account from, String to, long amount) {
    requests.incrementAndGet();
    ApiClient.Reply reply = client.untilDecided("POST", "/api/v1/transactions", movement(type, from, to, amount),
        UUID.randomUUID().toString());
    record(reply, new Accepted(reply.text("transactionId"), type, from.id(), to, amount, from.currency(), client));
  }

  private static String movement(String type, Account from, String to, long amount) {
    return switch (type) {
      case "DEPOSIT", "WITHDRAWAL" -> "{\"type\":\"" + type + "\",\"accountId\":\"" + from.id() + "\",\"amount\":"
          + amount + ",\"currency\":\"" + from.currency() + "\"}";
      case "TRANSFER" -> "{\"type\":\"TRANSFER\",\"fromAccountId\":\"" + from.id() + "\",\"toAccountId\":\"" + to
          + "\",\"amount\":" + amount + ",\"currency\":\"" + from.currency() + "\",\"description\":\"bank test\"}";
      case "CHARGE" -> "{\"type\":\"CHARGE\",\"fromAccountId\":\"" + from.id() + "\",\"amount\":" + amount
          + ",\"currency\":\"" + from.currency() + "\",\"description\":\"bank test order\"}";
      default -> throw new IllegalArgumentException(type);
    };
  }

  /** One movement of a batch: its own key, and what the client asked for. */
  private record BatchItem(String body, Accepted asked) {}

  /**
   * Several movements of one customer in one POST /transactions/batch, as a careful client sends
   * them: the whole batch again when it got no answer (the same keys), then again each item
   * refused with 503, until every item is decided.
   */
  private void batchedMoves(ApiClient customer) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<Account> own = accounts.stream().filter(account -> account.owner() == customer).toList();
    List<BatchItem> items = new ArrayList<>();
    for (int i = random.nextInt(2, 9); i > 0; i--) {
      Account from = own.get(random.nextInt(own.size()));
      double dice = random.nextDouble();
      String type = dice < 0.3 ? "DEPOSIT" : dice < 0.5 ? "WITHDRAWAL" : "TRANSFER";
      String to = type.equals("TRANSFER") ? destination(from) : null;
      long amount = random.nextLong(1, type.equals("DEPOSIT") ? 3_000 : 1_500);
      String body = "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\"," + movement(type, from, to, amount).substring(1);
      items.add(new BatchItem(body, new Accepted(null, type, from.id(), to, amount, from.currency(), customer)));
    }
    requests.addAndGet(items.size());
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(5));
    while (!items.isEmpty()) {
      ApiClient.Reply reply = customer.untilDecided("POST", "/api/v1/transactions/batch",
          "{\"transactions\":[" + String.join(",", items.stream().map(BatchItem::body).toList()) + "]}", null);
      if (reply.status() != 200) {
        items.forEach(item -> refused.computeIfAbsent(reply.status(), status -> new AtomicLong()).incrementAndGet());
        return;
      }
      List<BatchItem> again = new ArrayList<>();
      for (JsonNode result : reply.body().get("results")) {
        BatchItem item = items.get(result.get("index").intValue());
        int status = result.get("status").intValue();
        if (status >= 500) {
          again.add(item);
        } else {
          ApiClient.Reply answer = new ApiClient.Reply(status, result.get("body"));
          Accepted asked = item.asked();
          record(answer, new Accepted(answer.text("transactionId"), asked.type(), asked.accountId(),
              asked.toAccountId(), asked.amount(), asked.currency(), customer));
        }
      }
      if (!again.isEmpty() && Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException(again.size() + " batch items still refused with 503 after 5 min");
      }
      items = again;
      if (!items.isEmpty()) {
        pause(500);
      }
    }
  }

  private void record(ApiClient.Reply reply, Accepted request) {
    if (reply.status() == 202 || reply.status() == 200) {
      accepted.add(request);
    } else {
      refused.computeIfAbsent(reply.status(), status -> new AtomicLong()).incrementAndGet();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
