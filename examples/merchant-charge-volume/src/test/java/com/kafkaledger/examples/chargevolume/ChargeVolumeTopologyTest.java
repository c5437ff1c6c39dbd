package com.kafkaledger.examples.chargevolume;

import static org.assertj.core.api.Assertions.assertThat;

import com.kafkaledger.events.AccountKind;
import com.kafkaledger.events.JsonSerde;
import com.kafkaledger.events.LedgerEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChargeVolumeTopologyTest {

  private static final String OUTPUT = "analytics.merchant-charge-volume";
  private static final Instant MINUTE = Instant.parse("2026-11-22T10:15:00Z");
  /** Far from every occurredAt below: the windows must not follow the record timestamps. */
  private static final Instant RECORD_TIME = Instant.parse("2026-11-22T08:00:00Z");

  private final LedgerEvents ledger = new LedgerEvents();
  private final String customer = UUID.randomUUID().toString();
  private final String merchant = UUID.randomUUID().toString();
  private final String otherMerchant = UUID.randomUUID().toString();

  @TempDir
  Path stateDirectory;
  private TopologyTestDriver driver;
  private TestInputTopic<String, LedgerEvent> events;
  private TestInputTopic<String, String> rawEvents;
  private TestOutputTopic<String, String> output;

  @BeforeEach
  void startTopology() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "charge-volume-test");
    // a directory of its own: a run killed midway must not leave state for the next one to trip on
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory.toString());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ChargeVolumeTopology.build(OUTPUT), config);
    events = driver.createInputTopic(ChargeVolumeTopology.EVENTS, new StringSerializer(), JsonSerde.events());
    rawEvents = driver.createInputTopic(ChargeVolumeTopology.EVENTS, new StringSerializer(), new StringSerializer());
    output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void stopTopology() {
    driver.close();
  }

  @Test
  void sumsEachMerchantsCompletedChargesPerMinuteAndCurrency() {
    send(ledger.completedCharge(customer, merchant, 100, "EUR", MINUTE.plusSeconds(5)));
    send(ledger.completedCharge(customer, merchant, 250, "EUR", MINUTE.plusSeconds(40)));
    send(ledger.completedCharge("c-usd", otherMerchant, 70, "USD", MINUTE.plusSeconds(41)));

    Map<String, ChargeVolume> totals = latestPerKey();

    assertThat(totals).containsOnlyKeys(merchant + "@" + MINUTE, otherMerchant + "@" + MINUTE);
    assertThat(totals.get(merchant + "@" + MINUTE))
        .isEqualTo(new ChargeVolume(merchant, "EUR", MINUTE, MINUTE.plusSeconds(60), 350, 2));
    assertThat(totals.get(otherMerchant + "@" + MINUTE))
        .isEqualTo(new ChargeVolume(otherMerchant, "USD", MINUTE, MINUTE.plusSeconds(60), 70, 1));
  }

  @Test
  void writesTheDocumentedJson() {
    send(ledger.completedCharge(customer, merchant, 1250, "EUR", MINUTE.plusSeconds(5)));

    var record = output.readKeyValue();

    assertThat(record.key).isEqualTo(merchant + "@2026-11-22T10:15:00Z");
    assertThat(record.value).isEqualTo("{\"merchantAccountId\":\"" + merchant + "\",\"currency\":\"EUR\","
        + "\"windowStart\":\"2026-11-22T10:15:00Z\",\"windowEnd\":\"2026-11-22T10:16:00Z\","
        + "\"amount\":1250,\"charges\":1}");
  }

  @Test
  void aChargeWhoseCreditFailedIsNotCounted() {
    send(ledger.reversedCharge(customer, merchant, 500, "EUR", MINUTE.plusSeconds(1)));
    send(ledger.completedCharge(customer, merchant, 100, "EUR", MINUTE.plusSeconds(2)));
    send(List.of(ledger.rejectedCharge(customer, merchant, 900, "EUR", MINUTE.plusSeconds(3))));

    List<ChargeVolume> updates = allUpdates();

    assertThat(updates).containsExactly(new ChargeVolume(merchant, "EUR", MINUTE, MINUTE.plusSeconds(60), 100, 1));
  }

  @Test
  void depositsAndTransfersToAMerchantAreNotCharges() {
    send(List.of(ledger.deposit(merchant, AccountKind.MERCHANT, 1000, "EUR", MINUTE.plusSeconds(1))));
    send(ledger.completedTransfer(customer, merchant, AccountKind.MERCHANT, 300, "EUR", MINUTE.plusSeconds(2)));
    send(List.of(ledger.deposit(customer, AccountKind.CUSTOMER, 1000, "EUR", MINUTE.plusSeconds(3))));

    assertThat(output.isEmpty()).isTrue();
  }

  @Test
  void windowsAreTumblingMinutesOfOccurredAtStartInclusiveEndExclusive() {
    Instant next = MINUTE.plusSeconds(60);
    send(ledger.completedCharge(customer, merchant, 1, "EUR", MINUTE));
    send(ledger.completedCharge(customer, merchant, 2, "EUR", next.minusMillis(1)));
    send(ledger.completedCharge(customer, merchant, 4, "EUR", next));

    Map<String, ChargeVolume> totals = latestPerKey();

    assertThat(totals).containsOnlyKeys(merchant + "@" + MINUTE, merchant + "@" + next);
    assertThat(totals.get(merchant + "@" + MINUTE))
        .isEqualTo(new ChargeVolume(merchant, "EUR", MINUTE, next, 3, 2));
    assertThat(totals.get(merchant + "@" + next))
        .isEqualTo(new ChargeVolume(merchant, "EUR", next, next.plusSeconds(60), 4, 1));
  }

  @Test
  void aLateChargeCountsWithinTheGracePeriodOnly() {
    // Stream time 10:17:30: the 10:15 window closed at 10:16 + 1 minute of grace, the 10:16 one is open.
    send(ledger.completedCharge(customer, merchant, 1, "EUR", MINUTE.plusSeconds(10)));
    send(ledger.completedCharge(customer, merchant, 2, "EUR", MINUTE.plusSeconds(150)));
    send(ledger.completedCharge(customer, merchant, 4, "EUR", MINUTE.plusSeconds(20)));
    send(ledger.completedCharge(customer, merchant, 8, "EUR", MINUTE.plusSeconds(105)));

    Map<String, ChargeVolume> totals = latestPerKey();

    assertThat(totals.get(merchant + "@" + MINUTE).amount()).isEqualTo(1);
    assertThat(totals.get(merchant + "@" + MINUTE.plusSeconds(60)).amount()).isEqualTo(8);
    assertThat(totals.get(merchant + "@" + MINUTE.plusSeconds(120)).amount()).isEqualTo(2);
  }

  @Test
  void fieldsAndValuesTheLedgerAddsLaterAreIgnored() {
    LedgerEvent credit = ledger.completedCharge(customer, merchant, 100, "EUR", MINUTE.plusSeconds(5)).get(1);
    String withANewField = new String(JsonSerde.events().serialize(ChargeVolumeTopology.EVENTS, credit),
        java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\\{", "{\"loyaltyPoints\":5,");
    String ofANewType = withANewField.replace("TRANSFER_CREDITED", "TRANSFER_HELD");

    rawEvents.pipeInput(merchant, ofANewType, RECORD_TIME);
    rawEvents.pipeInput(merchant, withANewField, RECORD_TIME);

    assertThat(allUpdates()).containsExactly(new ChargeVolume(merchant, "EUR", MINUTE, MINUTE.plusSeconds(60), 100, 1));
  }

  private void send(List<LedgerEvent> sent) {
    sent.forEach(event -> events.pipeInput(event.accountId(), event, RECORD_TIME));
  }

  private Map<String, ChargeVolume> latestPerKey() {
    Map<String, ChargeVolume> latest = new java.util.LinkedHashMap<>();
    output.readKeyValuesToList().forEach(record -> latest.put(record.key, parse(record.value)));
    return latest;
  }

  private List<ChargeVolume> allUpdates() {
    return output.readValuesToList().stream().map(ChargeVolumeTopologyTest::parse).toList();
  }

  private static ChargeVolume parse(String json) {
    return Json.MAPPER.readValue(json, ChargeVolume.class);
  }
}
