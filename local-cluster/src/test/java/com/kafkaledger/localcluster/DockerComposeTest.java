package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.kafkaledger.localcluster.service.LedgerService;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml and the Dockerfiles cannot be run on these machines (no Docker engine), so this
 * reads them and checks them against what the services read, what ./run-local does and what the
 * Maven build makes. Every check is also shown to fail on a doctored copy of the file it reads.
 */
class DockerComposeTest {

  private static final Path ROOT = LedgerService.projectRoot();
  private final ComposeChecks checks = new ComposeChecks(ROOT, Map.of());

  @Test
  void composeSetsOnlyVariablesTheServicesRead() {
    assertThat(checks.variablesNoServiceReads()).isEmpty();
  }

  @Test
  void theVariableReaderFindsPlaceholdersAndRelaxedBindingNames() {
    assertThat(checks.variablesRead(LedgerService.API_GATEWAY))
        .contains("LEDGER_TOKEN_SECRET", "LEDGER_VIEW_URL", "SERVER_PORT", "SPRING_DATASOURCE_PASSWORD",
            "SPRING_KAFKA_PRODUCER_ACKS")
        .doesNotContain("LEDGER_STATE_DIR", "LEDGER_LEG_SIGNING_KEY");
    assertThat(checks.variablesRead(LedgerService.LEDGER_PROCESSOR))
        .contains("LEDGER_STATE_DIR", "LEDGER_LEG_SIGNING_KEY")
        .doesNotContain("SPRING_DATASOURCE_PASSWORD", "LEDGER_TOKEN_SECRET");
  }

  @Test
  void composeGivesEachServiceWhatRunLocalGivesIt() {
    assertThat(checks.runLocalVariablesMissing()).isEmpty();
    assertThat(checks.valuesDifferFromRunLocal()).isEmpty();
  }

  @Test
  void portsAgreeWithRunLocal() {
    assertThat(checks.portProblems()).isEmpty();
  }

  @Test
  void topicsHaveRunLocalsPartitionsAndSettings() {
    assertThat(checks.topicProblems()).isEmpty();
  }

  @Test
  void kafkaNodesHaveRunLocalsBrokerSettingsForTheirNumber() {
    assertThat(checks.kafkaNodes()).hasSizeGreaterThanOrEqualTo(1);
    assertThat(checks.kafkaProblems()).isEmpty();
  }

  @Test
  void servicesStartInOrderThroughHealthChecks() {
    assertThat(checks.dependencyProblems()).isEmpty();
  }

  @Test
  void eachDockerfileCopiesTheJarItsModuleBuilds() {
    assertThat(checks.buildOutput("api-gateway")).isEqualTo("api-gateway/target/api-gateway-exec.jar");
    assertThat(checks.jarProblems()).isEmpty();
  }

  @Test
  void theServicesHealthCheckPassesOnlyWhenTheServiceIsReady() throws IOException, InterruptedException {
    List<String> test = checks.healthCheck("api-gateway");
    assertThat(test.get(0)).isEqualTo("CMD");
    List<String> command = test.subList(1, test.size());
    AtomicInteger readiness = new AtomicInteger(200);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      boolean probe = exchange.getRequestURI().getPath().equals("/actuator/health/readiness");
      exchange.sendResponseHeaders(probe ? readiness.get() : 404, -1);
      exchange.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      assertThat(exitCode(command, port)).as("ready").isZero();
      readiness.set(503);
      assertThat(exitCode(command, port)).as("not ready").isNotZero();
    } finally {
      server.stop(0);
    }
    assertThat(exitCode(command, closedPort())).as("nothing listening").isNotZero();
  }

  // ---- each check finds what it is there for ----

  @Test
  void aVariableNoServiceReadsIsFound() {
    ComposeChecks doctored = doctored(ComposeChecks.COMPOSE_FILE, "LEDGER_VIEW_URL: http://balance-view:8082\n",
        "LEDGER_VIEW_URL: http://balance-view:8082\n      LEDGER_VIEW_TIMEOUTS: 5s\n");
    assertThat(doctored.variablesNoServiceReads())
        .containsExactly("api-gateway sets LEDGER_VIEW_TIMEOUTS, which api-gateway.yml does not read");
  }

  @Test
  void aVariableRunLocalSetsButComposeDoesNotIsFound() {
    ComposeChecks doctored = doctored(ComposeChecks.COMPOSE_FILE, "      LEDGER_VIEW_URL: http://balance-view:8082\n", "");
    assertThat(doctored.runLocalVariablesMissing())
        .containsExactly("api-gateway lacks LEDGER_VIEW_URL, which ./run-local sets");
  }

  @Test
  void valuesThatMeanSomethingElseThanRunLocalsAreFound() {
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "jdbc:postgresql://postgres:5432/ledger?currentSchema=gateway",
        "jdbc:postgresql://postgres:5432/ledger").valuesDifferFromRunLocal())
        .singleElement().asString().startsWith("api-gateway SPRING_DATASOURCE_URL");
    assertThat(doctored(ComposeChecks.COMPOSE_FILE,
        "${LEDGER_TOKEN_SECRET:?set LEDGER_TOKEN_SECRET (at least 32 bytes), in .env for example}",
        "${LEDGER_TOKEN_SECRET:-changeme}").valuesDifferFromRunLocal())
        .anyMatch(problem -> problem.startsWith("api-gateway LEDGER_TOKEN_SECRET: a secret must be required"))
        .anyMatch(problem -> problem.contains("a secret with a default"));
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "${LEDGER_LEG_ACCEPTED_KEYS:-}",
        "${LEDGER_LEG_ACCEPTED_KEYS:-an-old-leg-key-of-thirty-two-bytes}").valuesDifferFromRunLocal())
        .anyMatch(problem -> problem.contains("LEDGER_LEG_ACCEPTED_KEYS: a secret with a default"));
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "ledger-processor-2-state:/var/lib/ledger-processor",
        "ledger-processor-1-state:/var/lib/ledger-processor").valuesDifferFromRunLocal())
        .anyMatch(problem -> problem.contains("volume ledger-processor-1-state is shared"));
  }

  @Test
  void portsThatDisagreeWithRunLocalAreFound() {
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "SERVER_PORT: 8082", "SERVER_PORT: 8092").portProblems())
        .containsExactly("balance-view publishes container port 8082 but listens on 8092");
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "${LEDGER_GATEWAY_PORT:-8080}", "${LEDGER_GATEWAY_PORT:-8090}")
        .portProblems()).containsExactly("api-gateway defaults LEDGER_GATEWAY_PORT to 8090, ./run-local to 8080",
            "no api-gateway is published under ./run-local's variable and port");
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "${LEDGER_PROCESSOR_2_PORT:-8083}", "${LEDGER_PROCESSOR_2_PORT:-8082}")
        .portProblems()).containsExactly("balance-view and ledger-processor-2 both default to host port 8082");
  }

  @Test
  void topicSettingsThatDisagreeWithRunLocalAreFound() {
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "cleanup.policy=compact", "cleanup.policy=delete")
        .topicProblems()).singleElement().asString().startsWith("kafka-topics creates ledger.totals with");
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "${LEDGER_PARTITIONS:-12}", "${LEDGER_PARTITIONS:-6}")
        .topicProblems()).containsExactly("kafka-topics LEDGER_PARTITIONS must be ${LEDGER_PARTITIONS:-12}");
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "create ledger.commands.dlq", "create ledger.commands.dead")
        .topicProblems()).containsExactly("kafka-topics does not create ledger.commands.dlq",
            "kafka-topics creates ledger.commands.dead, which ./run-local does not");
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "--create --if-not-exists", "--create").topicProblems())
        .containsExactly("kafka-topics does not create the topics with --if-not-exists");
  }

  @Test
  void brokerSettingsThatDisagreeWithRunLocalAreFound() {
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "KAFKA_MIN_INSYNC_REPLICAS: 2", "KAFKA_MIN_INSYNC_REPLICAS: 1")
        .kafkaProblems()).hasSize(3).allMatch(problem -> problem.contains("KAFKA_MIN_INSYNC_REPLICAS is 1"));
    assertThat(doctored(ComposeChecks.COMPOSE_FILE, "apache/kafka:4.2.1", "apache/kafka:3.9.0").kafkaProblems())
        .hasSize(3).allMatch(problem -> problem.contains("the client is apache/kafka:4.2.1"));
  }

  @Test
  void startOrderWithoutConditionsIsFound() {
    ComposeChecks doctored = doctored(ComposeChecks.COMPOSE_FILE, """
              balance-view:
                condition: service_healthy
        """, """
              balance-view:
                condition: service_started
        """);
    assertThat(doctored.dependencyProblems())
        .containsExactly("api-gateway waits for balance-view with service_started, expected service_healthy");
  }

  @Test
  void aDockerfileThatCopiesAnotherJarIsFound() {
    assertThat(doctored("api-gateway/Dockerfile", "api-gateway/target/api-gateway-exec.jar",
        "api-gateway/target/api-gateway.jar").jarProblems()).containsExactly(
            "api-gateway/Dockerfile copies api-gateway/target/api-gateway.jar, but the Maven build makes"
                + " api-gateway/target/api-gateway-exec.jar",
            ".dockerignore keeps api-gateway/target/api-gateway.jar out of the build context");
    assertThat(doctored("balance-view/pom.xml", "<classifier>exec</classifier>", "<classifier>boot</classifier>")
        .jarProblems()).containsExactly(
            "balance-view/Dockerfile copies balance-view/target/balance-view-exec.jar, but the Maven build makes"
                + " balance-view/target/balance-view-boot.jar",
            "balance-view's build makes balance-view/target/balance-view-boot.jar, but ./run-local runs"
                + " balance-view/target/balance-view-exec.jar");
  }

  private static ComposeChecks doctored(String file, String from, String to) {
    String text;
    try {
      text = Files.readString(ROOT.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(text).as("%s holds the text to doctor", file).contains(from);
    return new ComposeChecks(ROOT, Map.of(file, text.replace(from, to)));
  }

  private static int exitCode(List<String> command, int port) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    Process process = builder.start();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the health check did not end: " + command);
    }
    return process.exitValue();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
