package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BannerTest {

  private static final LocalSecrets SECRETS = new LocalSecrets(
      new LocalSecrets.Secret("generated-token-secret-value-0123456789", "LEDGER_TOKEN_SECRET",
          Path.of("/ledger/.local-data/secrets/token-secret")),
      new LocalSecrets.Secret("internal-token-from-the-user", "LEDGER_INTERNAL_TOKEN", null),
      new LocalSecrets.Secret("leg-signing-key-value-0123456789-abcdef", "LEDGER_LEG_SIGNING_KEY",
          Path.of("/ledger/.local-data/secrets/leg-signing-key")));

  @Test
  void namesEveryUrlAndTheLocalOperatorPassword() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(Map.of(), Path.of("/ledger")), SECRETS, false);

    assertThat(banner).contains("http://localhost:8080/api/v1", "http://localhost:8081/actuator/health",
        "http://localhost:8082/actuator/health", "localhost:9092", "jdbc:postgresql://127.0.0.1:5432/ledger",
        "/ledger/.local-data/logs", LocalClusterSettings.DEFAULT_OPERATOR_PASSWORD);
  }

  @Test
  void neverShowsAPasswordTheUserChose() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(
        Map.of("LEDGER_OPERATOR_PASSWORD", "s3cret-enough"), Path.of("/ledger")), SECRETS, false);

    assertThat(banner).doesNotContain("s3cret-enough").contains("from LEDGER_OPERATOR_PASSWORD");
  }

  @Test
  void withoutServicesShowsOnlyKafkaAndPostgres() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(Map.of(), Path.of("/ledger")), SECRETS, true);

    assertThat(banner).contains("localhost:9092", "jdbc:postgresql://").doesNotContain("8080", "Operator");
  }

  @Test
  void showsHowToGetAnOperatorTokenWithTheLocalDefaults() {
    String banner = Banner.text(LocalClusterSettings.fromEnvironment(Map.of(), Path.of("/ledger")), SECRETS, false);

    assertThat(banner).contains("curl -s -X POST localhost:8080/api/v1/auth/token"
        + " -H 'Content-Type: application/json'"
        + " -d '{\"email\":\"operator@ledger.local\",\"password\":\"Local-Operator-Pass-1\"}'");
  }

  @Test
  void theTokenCommandHasAPlaceholderForAChosenPasswordAndQuotesTheEmail() {
    LocalClusterSettings settings = LocalClusterSettings.fromEnvironment(Map.of("LEDGER_GATEWAY_PORT", "18080",
        "LEDGER_OPERATOR_EMAIL", "o'brien@example.com", "LEDGER_OPERATOR_PASSWORD", "s3cret-enough"), Path.of("/ledger"));

    assertThat(Banner.tokenRequest(18080, settings.operator())).isEqualTo(
        "curl -s -X POST localhost:18080/api/v1/auth/token -H 'Content-Type: application/json'"
            + " -d '{\"email\":\"o'\\''brien@example.com\",\"password\":\"<LEDGER_OPERATOR_PASSWORD>\"}'");
  }

  @Test
  void namesWhereTheSecretsAreButNeverTheirValues() {
    for (boolean infrastructureOnly : new boolean[] {false, true}) {
      String banner = Banner.text(LocalClusterSettings.fromEnvironment(Map.of(), Path.of("/ledger")), SECRETS,
          infrastructureOnly);

      assertThat(banner)
          .contains("LEDGER_TOKEN_SECRET in /ledger/.local-data/secrets/token-secret",
              "LEDGER_INTERNAL_TOKEN from the environment")
          .doesNotContain("generated-token-secret-value", "internal-token-from-the-user");
    }
  }
}
