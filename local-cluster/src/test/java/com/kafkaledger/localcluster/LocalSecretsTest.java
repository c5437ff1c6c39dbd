package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

  private static final String GIVEN_TOKEN_SECRET = "a-token-secret-the-user-chose-0123456789";

  @TempDir
  Path data;

  @Test
  void onFirstStartBothSecretsAreGeneratedRandomAndReadableByTheOwnerOnly() throws IOException {
    Path directory = data.resolve("secrets");
    LocalSecrets secrets = LocalSecrets.readOrCreate(Map.of(), directory);

    for (LocalSecrets.Secret secret : new LocalSecrets.Secret[] {secrets.tokenSecret(), secrets.internalToken(),
        secrets.legSigningKey()}) {
      assertThat(secret.fromEnvironment()).isFalse();
      assertThat(Base64.getUrlDecoder().decode(secret.value())).hasSize(LocalSecrets.RANDOM_BYTES);
      assertThat(Files.readString(secret.file()).strip()).isEqualTo(secret.value());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.file()))).isEqualTo("rw-------");
    }
    assertThat(secrets.tokenSecret().file()).isEqualTo(directory.resolve("token-secret"));
    assertThat(secrets.internalToken().file()).isEqualTo(directory.resolve("internal-token"));
    assertThat(secrets.tokenSecret().value()).isNotEqualTo(secrets.internalToken().value());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    assertThat(directory).isDirectoryNotContaining(path -> path.toString().endsWith(".tmp"));
  }

  @Test
  void laterStartsReuseThemSoIssuedTokensSurviveARestart() throws IOException {
    LocalSecrets first = LocalSecrets.readOrCreate(Map.of(), data.resolve("secrets"));
    LocalSecrets second = LocalSecrets.readOrCreate(Map.of(), data.resolve("secrets"));

    assertThat(second).isEqualTo(first);
    assertThat(LocalSecrets.readOrCreate(Map.of(), data.resolve("other")).tokenSecret().value())
        .isNotEqualTo(first.tokenSecret().value());
  }

  @Test
  void theEnvironmentWinsAndNothingIsWrittenForIt() throws IOException {
    Path directory = data.resolve("secrets");
    LocalSecrets secrets = LocalSecrets.readOrCreate(Map.of(
        "LEDGER_TOKEN_SECRET", GIVEN_TOKEN_SECRET, "LEDGER_INTERNAL_TOKEN", "internal",
        "LEDGER_LEG_SIGNING_KEY", "given-leg-signing-key-of-thirty-two-bytes"), directory);

    assertThat(secrets.tokenSecret().value()).isEqualTo(GIVEN_TOKEN_SECRET);
    assertThat(secrets.internalToken().value()).isEqualTo("internal");
    assertThat(secrets.tokenSecret().fromEnvironment()).isTrue();
    assertThat(directory).doesNotExist();
    assertThat(secrets.forGateway()).containsOnlyKeys("LEDGER_TOKEN_SECRET", "LEDGER_INTERNAL_TOKEN");
    assertThat(secrets.forView()).containsExactly(Map.entry("LEDGER_INTERNAL_TOKEN", "internal"));
    assertThat(secrets.forProcessor()).containsOnlyKeys("LEDGER_LEG_SIGNING_KEY");
  }

  @Test
  void oneFromTheEnvironmentTheOtherFromItsFile() throws IOException {
    Path directory = data.resolve("secrets");
    LocalSecrets secrets = LocalSecrets.readOrCreate(Map.of("LEDGER_INTERNAL_TOKEN", "internal"), directory);

    assertThat(secrets.internalToken().fromEnvironment()).isTrue();
    assertThat(directory.resolve("internal-token")).doesNotExist();
    assertThat(directory.resolve("token-secret")).isRegularFile();
  }

  @Test
  void aTokenSecretTooShortForHs256IsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> LocalSecrets.readOrCreate(Map.of("LEDGER_TOKEN_SECRET", "short"), data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("LEDGER_TOKEN_SECRET must be at least 32 bytes");
  }

  @Test
  void anEmptySecretFileIsReportedNotSilentlyReplaced() throws IOException {
    Path directory = Files.createDirectories(data.resolve("secrets"));
    Files.writeString(directory.resolve("token-secret"), "\n");

    assertThatThrownBy(() -> LocalSecrets.readOrCreate(Map.of(), directory))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("token-secret does not hold a secret");
  }

  @Test
  void neverPrintsAValue() throws IOException {
    LocalSecrets secrets = LocalSecrets.readOrCreate(Map.of("LEDGER_TOKEN_SECRET", GIVEN_TOKEN_SECRET), data);

    assertThat(secrets.toString())
        .doesNotContain(GIVEN_TOKEN_SECRET, secrets.internalToken().value())
        .contains("LEDGER_TOKEN_SECRET from the environment", "LEDGER_INTERNAL_TOKEN in ");
  }
}
