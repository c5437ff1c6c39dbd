package com.kafkaledger.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.localcluster.DemoData;
import com.kafkaledger.localcluster.DemoData.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ./run-local --demo: the sample data goes in through the API, and loading it again moves nothing. */
class DemoDataTest {

  private static Pipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline = new Pipeline("demo_data");
  }

  @AfterAll
  static void stop() {
    pipeline.close();
  }

  @Test
  void sampleDataIsLoadedThroughTheApiAndLoadingItAgainChangesNothing() throws Exception {
    DemoData.Loaded first = new DemoData(pipeline.gatewayUrl()).load();
    DemoData.Loaded again = new DemoData(pipeline.gatewayUrl()).load();

    assertThat(again.accounts()).isEqualTo(first.accounts());
    LedgerClient ana = client(again, Person.ANA);
    LedgerClient bruno = client(again, Person.BRUNO);
    LedgerClient coffee = client(again, Person.COFFEE);
    // 200.00 salary - 25.00 dinner - 4.50 coffee; 50.00 + 25.00 - 3.20 - 10.00; 4.50 + 3.20
    assertThat(ana.balance(account(again, Person.ANA, "EUR"))).isEqualTo(17_050);
    assertThat(ana.balance(account(again, Person.ANA, "USD"))).isEqualTo(10_000);
    assertThat(bruno.balance(account(again, Person.BRUNO, "EUR"))).isEqualTo(6_180);
    assertThat(coffee.balance(account(again, Person.COFFEE, "EUR"))).isEqualTo(770);
    JsonNode history = bruno.history(account(again, Person.BRUNO, "EUR"), "").get("items");
    assertThat(history.valueStream().filter(item -> "REJECTED".equals(item.get("status").stringValue())))
        .singleElement()
        .satisfies(rejected -> assertThat(rejected.get("reason").stringValue()).isEqualTo("INSUFFICIENT_FUNDS"));
    JsonNode books = new LedgerClient(pipeline.gatewayUrl()).asOperator().http
        .get("/api/v1/admin/reconciliation").json();
    assertThat(books.get("balanced").booleanValue()).isTrue();
  }

  private static LedgerClient client(DemoData.Loaded loaded, Person person) {
    return LedgerClient.withToken(pipeline.gatewayUrl(), loaded.tokens().get(person));
  }

  private static String account(DemoData.Loaded loaded, Person person, String currency) {
    return loaded.accounts().get(person).get(currency);
  }
}
