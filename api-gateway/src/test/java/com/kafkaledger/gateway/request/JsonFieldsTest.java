package com.kafkaledger.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FIELDS = Set.of("amount", "currency", "accountId", "description");

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "\"100\"", "0", "-5", "1000000000000001", "99999999999999999999999", "1e3",
      "true", "null"})
  void amountMustBeAPositiveJsonIntegerOfAtMostTenToTheFifteen(String amount) {
    JsonFields fields = fields("{\"amount\":" + amount + "}");

    assertThat(fields.amount("amount")).isNull();
    assertThatThrownBy(fields::validate).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("amount"));
  }

  @Test
  void amountsAtTheBoundsAreAccepted() {
    assertThat(fields("{\"amount\":1}").amount("amount")).isEqualTo(1L);
    assertThat(fields("{\"amount\":1000000000000000}").amount("amount")).isEqualTo(1_000_000_000_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"eur\"", "\"XYZ\"", "\"EURO\"", "42", "\"\"", "\"XXX\"", "\"XTS\"", "\"XAU\"",
      "\"XDR\""})
  void currencyMustBeAnIsoCodeWithMinorUnits(String currency) {
    JsonFields fields = fields("{\"currency\":" + currency + "}");

    assertThat(fields.currency("currency")).isNull();
    assertThatThrownBy(fields::validate).isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("currency");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR", "USD", "JPY", "XOF", "BHD"})
  void currenciesWithAnyNumberOfMinorUnitsAreAccepted(String currency) {
    assertThat(fields("{\"currency\":\"" + currency + "\"}").currency("currency")).isEqualTo(currency);
  }

  @Test
  void accountIdMustBeAUuidAndIsNormalisedToLowerCase() {
    assertThat(fields("{\"accountId\":\"7D4B8A3E-1C2D-4E5F-8A9B-0C1D2E3F4A5B\"}").accountId("accountId"))
        .isEqualTo("7d4b8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    JsonFields injected = fields("{\"accountId\":\"1; DROP TABLE accounts\"}");
    assertThat(injected.accountId("accountId")).isNull();
    assertThatThrownBy(injected::validate).hasMessageStartingWith("accountId");
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    JsonFields fields = fields("{\"amount\":5,\"admin\":true}");

    assertThatThrownBy(fields::validate).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("admin"));
  }

  @Test
  void textWithANulCharacterIsRefusedByName() {
    JsonFields fields = fields("{\"description\":\"tea\\u0000\"}");

    assertThat(fields.optionalText("description", JsonFields.MAX_DESCRIPTION_LENGTH)).isNull();
    assertThatThrownBy(fields::validate).isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("description");
  }

  @Test
  void descriptionHasALengthLimit() {
    String tooLong = "x".repeat(JsonFields.MAX_DESCRIPTION_LENGTH + 1);
    JsonFields fields = fields("{\"description\":\"" + tooLong + "\"}");

    assertThat(fields.optionalText("description", JsonFields.MAX_DESCRIPTION_LENGTH)).isNull();
    assertThatThrownBy(fields::validate).hasMessageStartingWith("description");
  }

  @Test
  void aBodyThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> JsonFields.of(JSON.readTree("[1,2]"), FIELDS))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("body");
  }

  private static JsonFields fields(String json) {
    JsonNode body = JSON.readTree(json);
    return JsonFields.of(body, FIELDS);
  }
}
