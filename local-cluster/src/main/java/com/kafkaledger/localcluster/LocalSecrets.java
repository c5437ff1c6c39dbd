package com.kafkaledger.localcluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The services' shared secrets: the key the gateway signs bearer tokens with, and the token the
 * gateway shows balance-view. Taken from the environment when set there; otherwise generated once
 * and kept in the data directory (readable by the owner only), so that tokens issued before a
 * restart still work after it.
 */
record LocalSecrets(Secret tokenSecret, Secret internalToken, Secret legSigningKey) {

  static final String TOKEN_SECRET_VARIABLE = "LEDGER_TOKEN_SECRET";
  static final String INTERNAL_TOKEN_VARIABLE = "LEDGER_INTERNAL_TOKEN";
  static final String LEG_SIGNING_KEY_VARIABLE = "LEDGER_LEG_SIGNING_KEY";
  static final int RANDOM_BYTES = 32;
  // The gateway signs with HS256, whose key must have at least 256 bits; it checks the same at start,
  // this only says so before anything is started.
  static final int MIN_TOKEN_SECRET_BYTES = 32;
  private static final int MAX_SECRET_CHARS = 4_096;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

  static LocalSecrets readOrCreate(Map<String, String> environment, Path secretsDirectory) throws IOException {
    Secret tokenSecret = fromEnvironmentOrFile(environment, TOKEN_SECRET_VARIABLE,
        secretsDirectory.resolve("token-secret"));
    if (tokenSecret.value().getBytes(StandardCharsets.UTF_8).length < MIN_TOKEN_SECRET_BYTES) {
      throw new IllegalArgumentException(TOKEN_SECRET_VARIABLE + " must be at least " + MIN_TOKEN_SECRET_BYTES
          + " bytes (the gateway signs tokens with HS256); unset it to let ./run-local generate one");
    }
    Secret internalToken = fromEnvironmentOrFile(environment, INTERNAL_TOKEN_VARIABLE,
        secretsDirectory.resolve("internal-token"));
    Secret legSigningKey = fromEnvironmentOrFile(environment, LEG_SIGNING_KEY_VARIABLE,
        secretsDirectory.resolve("leg-signing-key"));
    return new LocalSecrets(tokenSecret, internalToken, legSigningKey);
  }

  private static Secret fromEnvironmentOrFile(Map<String, String> environment, String variable, Path file)
      throws IOException {
    String given = environment.getOrDefault(variable, "");
    if (!given.isBlank()) {
      return new Secret(given, variable, null);
    }
    return new Secret(readOrGenerate(file), variable, file);
  }

  private static String readOrGenerate(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (stored.isEmpty() || stored.length() > MAX_SECRET_CHARS) {
        throw new IOException(file + " does not hold a secret; delete it to have a new one generated"
            + " (tokens signed with the old one stop working)");
      }
      return stored;
    }
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    writeOwnerOnly(file, secret);
    return secret;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  // Written to a file that is owner-only from its creation, then moved into place, so that nobody
  // ever reads a half-written or world-readable secret.
  private static void writeOwnerOnly(Path file, String secret) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
      if (posix) {
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
      }
    }
    Path temporary = posix
        ? Files.createTempFile(directory, file.getFileName().toString(), ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
        : Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(temporary, secret + System.lineSeparator(), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Environment variables for the services that need them. */
  Map<String, String> forGateway() {
    return Map.of(TOKEN_SECRET_VARIABLE, tokenSecret.value(), INTERNAL_TOKEN_VARIABLE, internalToken.value());
  }

  /** The ledger signs the transfer legs it sends itself, so that forged legs are refused. */
  Map<String, String> forProcessor() {
    return Map.of(LEG_SIGNING_KEY_VARIABLE, legSigningKey.value());
  }

  Map<String, String> forView() {
    return Map.of(INTERNAL_TOKEN_VARIABLE, internalToken.value());
  }

  @Override
  public String toString() {
    return "LocalSecrets[" + tokenSecret + ", " + internalToken + ", " + legSigningKey + "]";
  }

  /**
   * One secret and where it came from.
   *
   * @param file where it is kept, or null when it came from {@code variable}
   */
  record Secret(String value, String variable, Path file) {

    boolean fromEnvironment() {
      return file == null;
    }

    @Override
    public String toString() {
      return variable + (fromEnvironment() ? " from the environment" : " in " + file); // never the value
    }
  }
}
