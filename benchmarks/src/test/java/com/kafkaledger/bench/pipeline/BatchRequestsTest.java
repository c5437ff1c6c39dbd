package com.kafkaledger.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BatchRequestsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ID_1 = "11111111-1111-4111-8111-111111111111";
  private static final String ID_2 = "22222222-2222-4222-8222-222222222222";

  @Test
  void aBatchBodyIsEachTransactionWithItsOwnIdempotencyKey() {
    String body = OpenLoop.batchBody(List.of(BenchBank.deposit("a", 5), BenchBank.charge("b", 7)),
        OpenLoop.keys("b-", 41, 2));

    JsonNode items = JSON.readTree(body).path("transactions");
    assertThat(items.size()).isEqualTo(2);
    assertThat(items.get(0).path("idempotencyKey").asString()).isEqualTo("b-41");
    assertThat(items.get(0).path("type").asString()).isEqualTo("DEPOSIT");
    assertThat(items.get(0).path("accountId").asString()).isEqualTo("a");
    assertThat(items.get(1).path("idempotencyKey").asString()).isEqualTo("b-42");
    assertThat(items.get(1).path("amount").asLong()).isEqualTo(7);
  }

  @Test
  void readsEachItemsAnswerByItsIndexNotByTheProblemsOwnStatus() {
    RestClient.Answer batch = new RestClient.Answer(200, """
        {"results":[
          {"index":1,"idempotencyKey":"b-2","status":400,
           "body":{"type":"about:blank","title":"Bad Request","status":400,"detail":"amount must be positive"}},
          {"status":202,"idempotencyKey":"b-1","index":0,"body":{"transactionId":"%s","status":"PENDING"}},
          {"index":2,"idempotencyKey":"b-3","status":200,"body":{"transactionId":"%s","status":"COMPLETED"}}
        ]}""".formatted(ID_1, ID_2));

    List<RestClient.Answer> items = batch.itemAnswers(4);

    assertThat(items).extracting(RestClient.Answer::status).containsExactly(202, 400, 200, -1);
    assertThat(items.get(0).transactionId()).isEqualTo(ID_1);
    assertThat(items.get(1).body()).contains("amount must be positive");
    assertThat(items.get(2).transactionId()).isEqualTo(ID_2);
  }

  @Test
  void anUnreadableBatchAnswerLeavesEveryItemWithoutAResult() {
    assertThat(new RestClient.Answer(200, "<html>oops</html>").itemAnswers(2))
        .extracting(RestClient.Answer::status).containsExactly(-1, -1);
  }

  @Test
  void everyRequestsTransactionsAreOnesItsTokenMayMake() {
    BenchBank bank = bank(4, 3);
    ThreadLocalRandom random = ThreadLocalRandom.current();

    for (int i = 0; i < 50; i++) {
      OpenLoop.Request deposits = PipelineBenchmark.workload(PipelineBenchmark.DEPOSITS, bank).next(random, 20);
      assertThat(deposits.transactions()).hasSize(20);
      assertThat(field(deposits, "accountId")).allMatch(id -> ownerOf(bank, id).equals(deposits.token()));

      OpenLoop.Request transfers = PipelineBenchmark.workload(PipelineBenchmark.TRANSFERS, bank).next(random, 20);
      assertThat(field(transfers, "fromAccountId")).allMatch(id -> ownerOf(bank, id).equals(transfers.token()));
      for (JsonNode transfer : parsed(transfers)) {
        assertThat(transfer.path("toAccountId").asString()).isNotEqualTo(transfer.path("fromAccountId").asString());
      }

      OpenLoop.Request charges = PipelineBenchmark.workload(PipelineBenchmark.HOT_MERCHANT, bank).next(random, 20);
      assertThat(charges.token()).isEqualTo(bank.merchantToken);
      assertThat(field(charges, "type")).containsOnly("CHARGE");
    }
    assertThat(PipelineBenchmark.workload(PipelineBenchmark.TRANSFERS, bank).next(random, 1).transactions())
        .hasSize(1);
  }

  private static BenchBank bank(int customers, int accountsPerCustomer) {
    BenchBank bank = new BenchBank();
    for (int c = 0; c < customers; c++) {
      List<BenchBank.Account> own = new ArrayList<>();
      for (int a = 0; a < accountsPerCustomer; a++) {
        own.add(new BenchBank.Account("account-" + c + "-" + a, "token-" + c));
      }
      bank.accounts.addAll(own);
      bank.customers.add(own);
    }
    bank.merchantToken = "merchant-token";
    bank.merchantAccountId = "merchant-account";
    return bank;
  }

  private static String ownerOf(BenchBank bank, String accountId) {
    return bank.accounts.stream().filter(account -> account.id().equals(accountId)).findFirst().orElseThrow()
        .ownerToken();
  }

  private static List<JsonNode> parsed(OpenLoop.Request request) {
    return request.transactions().stream().map(JSON::readTree).toList();
  }

  private static List<String> field(OpenLoop.Request request, String name) {
    return parsed(request).stream().map(transaction -> transaction.path(name).asString()).toList();
  }
}
