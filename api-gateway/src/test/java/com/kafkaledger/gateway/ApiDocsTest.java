package com.kafkaledger.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.kafkaledger.gateway.idempotency.IdempotencyKeys;
import com.kafkaledger.testsupport.TestInfrastructure;
import com.kafkaledger.testsupport.TestInfrastructure.PostgresCoordinates;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document and Swagger UI of a running gateway (real Kafka broker, real PostgreSQL):
 * every endpoint the code maps is documented, with its security and its problem responses, and
 * a real headless Chromium renders every operation in Swagger UI.
 */
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=" + ApiGatewayApplication.CONFIG_NAME,
        // balance-view is not started: the docs need none of it
        "ledger.gateway.view-url=http://127.0.0.1:1",
        "ledger.gateway.token-secret=a-test-secret-of-at-least-32-bytes!!",
        "ledger.gateway.internal-token=test-internal-token"})
class ApiDocsTest {

  private static final PostgresCoordinates DATABASE = TestInfrastructure.newDatabase("gateway_api_docs");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

  @LocalServerPort
  private int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    registry.add("spring.datasource.url", () -> DATABASE.jdbcUrl() + "?currentSchema=gateway");
    registry.add("spring.datasource.username", DATABASE::username);
    registry.add("spring.datasource.password", DATABASE::password);
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpointTheCodeMaps() throws Exception {
    JsonNode api = apiDocs();
    // kept for people to read, next to the screenshot
    Files.writeString(Path.of("target", "openapi.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(api));

    assertThat(operations(api)).as("documented operations vs. the controllers' mappings")
        .containsExactlyInAnyOrderElementsOf(mappedOperations().keySet());
    assertThat(api.at("/components/securitySchemes/bearer/type").asString()).isEqualTo("http");
    assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
    assertThat(unresolvedReferences(api, api, new TreeSet<>())).as("$refs that point nowhere").isEmpty();
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs.yaml")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("/v3/api-docs.yaml without a token").isEqualTo(200);
  }

  @Test
  void everyOperationListsItsProblemsAndTheHeadersItReads() throws Exception {
    JsonNode api = apiDocs();
    Map<String, HandlerMethod> handlers = mappedOperations();

    for (String operation : operations(api)) {
      JsonNode documented = operation(api, operation);
      assertThat(documented.path("summary").asString()).as("%s has a summary (@Operation)", operation).isNotBlank();
      JsonNode responses = documented.get("responses");
      List<String> problems = new ArrayList<>();
      for (String status : responses.propertyNames()) {
        JsonNode response = resolve(api, responses.get(status));
        if (status.startsWith("4") || status.startsWith("5")) {
          assertThat(response.at("/content/application~1problem+json/schema/$ref").asString())
              .as("%s answers %s with a problem document", operation, status)
              .isEqualTo("#/components/schemas/Problem");
          problems.add(status);
        } else {
          assertThat(response.get("description").asString()).as("%s %s", operation, status).isNotBlank();
        }
      }
      assertThat(responses.propertyNames()).as("%s has a success response", operation)
          .anyMatch(status -> status.startsWith("2"));
      assertThat(problems).as("%s lists its problem responses", operation).isNotEmpty();
      if (documented.has("requestBody")) {
        assertThat(problems).as("%s with a body", operation).contains("400", "413");
      }
      if (requiresToken(documented)) {
        assertThat(problems).as("%s behind the token", operation).contains("401");
      }
      if (!operation.contains("/api/v1/auth/")) {
        // everything but signing in reads the view or publishes to Kafka
        assertThat(problems).as("%s needs Kafka or the view", operation).contains("503");
      }
      if (readsHeader(handlers.get(operation), IdempotencyKeys.HEADER)) {
        JsonNode header = parameter(documented, IdempotencyKeys.HEADER);
        assertThat(header.get("in").asString()).as("%s Idempotency-Key", operation).isEqualTo("header");
        assertThat(header.get("description").asString()).as("%s Idempotency-Key", operation).contains("422");
        assertThat(problems).as("%s with an Idempotency-Key", operation).contains("422");
      }
    }
  }

  /** The documented security is the real one: exactly the operations said to need a token refuse a call without one. */
  @Test
  void theDocumentedSecurityIsWhatTheGatewayEnforces() throws Exception {
    JsonNode api = apiDocs();

    for (String operation : operations(api)) {
      String[] methodAndPath = operation.split(" ", 2);
      String path = methodAndPath[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
      HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
          .header("Content-Type", "application/json")
          .method(methodAndPath[0], HttpRequest.BodyPublishers.ofString("{}"))
          .build();

      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();

      if (requiresToken(operation(api, operation))) {
        assertThat(status).as("%s without a token", operation).isEqualTo(401);
      } else {
        assertThat(status).as("%s without a token", operation).isNotEqualTo(401).isNotEqualTo(403);
      }
    }
  }

  @Test
  void swaggerUiRendersEveryOperationInARealBrowser() throws Exception {
    String chromium = chromium();
    String page = base() + "/swagger-ui/index.html";

    String dom = runChromium(chromium, "--virtual-time-budget=20000", "--dump-dom", page);
    Path screenshot = Path.of("target", "swagger-ui.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    runChromium(chromium, "--virtual-time-budget=20000", "--window-size=1280,3000",
        "--screenshot=" + screenshot, page);

    assertThat(renderedOperations(dom)).as("operations Swagger UI rendered (screenshot: %s)", screenshot)
        .containsExactlyInAnyOrderElementsOf(operations(apiDocs()));
    assertThat(dom).as("Swagger UI shows no errors").doesNotContain("errors-wrapper");
    assertThat(dom).contains("Kafka ledger API", "Authorize");
    assertThat(screenshot).as("a screenshot for people to look at").isNotEmptyFile();
  }

  private JsonNode apiDocs() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("/v3/api-docs without a token").isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** "METHOD /path" of every operation in the document. */
  private static Set<String> operations(JsonNode api) {
    Set<String> operations = new TreeSet<>();
    for (String path : api.get("paths").propertyNames()) {
      for (String method : api.get("paths").get(path).propertyNames()) {
        if (HTTP_METHODS.contains(method)) {
          operations.add(method.toUpperCase() + " " + path);
        }
      }
    }
    return operations;
  }

  private static JsonNode operation(JsonNode api, String operation) {
    String[] methodAndPath = operation.split(" ", 2);
    return api.get("paths").get(methodAndPath[1]).get(methodAndPath[0].toLowerCase());
  }

  /** "METHOD /path" of every handler method of the gateway's own controllers. */
  private Map<String, HandlerMethod> mappedOperations() {
    Map<String, HandlerMethod> operations = new java.util.TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      if (!mapping.getValue().getBeanType().getPackageName().startsWith("com.kafkaledger.gateway")) {
        continue; // springdoc's own endpoints
      }
      RequestMappingInfo info = mapping.getKey();
      assertThat(info.getMethodsCondition().getMethods()).as("%s names its HTTP method", info).isNotEmpty();
      for (String path : info.getPathPatternsCondition().getPatternValues()) {
        info.getMethodsCondition().getMethods().forEach(method -> operations.put(method + " " + path, mapping.getValue()));
      }
    }
    return operations;
  }

  private static boolean readsHeader(HandlerMethod handler, String header) {
    return Arrays.stream(handler.getMethodParameters())
        .map(parameter -> parameter.getParameterAnnotation(RequestHeader.class))
        .anyMatch(annotation -> annotation != null && header.equals(annotation.value()));
  }

  private static boolean requiresToken(JsonNode operation) {
    JsonNode security = operation.get("security");
    return security != null && security.values().stream().anyMatch(requirement -> requirement.has("bearer"));
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    if (operation.has("parameters")) {
      for (JsonNode parameter : operation.get("parameters").values()) {
        if (name.equals(parameter.get("name").asString())) {
          return parameter;
        }
      }
    }
    return fail("no parameter " + name);
  }

  private static JsonNode resolve(JsonNode api, JsonNode node) {
    return node.has("$ref") ? resolve(api, api.at(node.get("$ref").asString().substring(1))) : node;
  }

  private static Set<String> unresolvedReferences(JsonNode api, JsonNode node, Set<String> unresolved) {
    if (node.isObject() && node.has("$ref") && node.get("$ref").isString()) {
      String ref = node.get("$ref").asString();
      if (!ref.startsWith("#/") || api.at(ref.substring(1)).isMissingNode()) {
        unresolved.add(ref);
      }
    }
    node.values().forEach(child -> unresolvedReferences(api, child, unresolved));
    return unresolved;
  }

  /** "METHOD /path" of every operation block (class opblock) in Swagger UI's rendered DOM. */
  private static Set<String> renderedOperations(String dom) {
    Set<String> rendered = new TreeSet<>();
    Matcher block = Pattern.compile("class=\"opblock opblock-(get|put|post|delete|patch)[ \"]").matcher(dom);
    Pattern path = Pattern.compile("data-path=\"([^\"]+)\"");
    while (block.find()) {
      Matcher inBlock = path.matcher(dom).region(block.end(), dom.length());
      if (inBlock.find()) {
        rendered.add(block.group(1).toUpperCase() + " " + inBlock.group(1));
      }
    }
    return rendered;
  }

  /** The browser: LEDGER_CHROMIUM, else chromium on the PATH. Missing is a failure, not a skip. */
  private static String chromium() {
    String configured = System.getenv("LEDGER_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      if (!new File(configured).canExecute()) {
        fail("LEDGER_CHROMIUM=" + configured + " is not an executable file; unset it to use chromium from "
            + "the PATH (apt-get install chromium)");
      }
      return configured;
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        File candidate = new File(directory, name);
        if (candidate.canExecute()) {
          return candidate.getPath();
        }
      }
    }
    return fail("Chromium is needed to test Swagger UI in a real browser and is not installed: "
        + "apt-get install chromium (.ci/run installs it when missing), or set LEDGER_CHROMIUM to its path");
  }

  /** Runs headless Chromium once, quietly and offline, in a profile of its own; answers its stdout. */
  private static String runChromium(String chromium, String... arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Path log = Files.createTempFile("chromium", ".log");
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("chromium", ".out");
    Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(log.toFile()).start();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        fail("Chromium did not finish in 90 s: " + Files.readString(log));
      }
      assertThat(process.exitValue()).as("Chromium's exit code; its log: %s", Files.readString(log)).isZero();
      return Files.readString(output, StandardCharsets.UTF_8);
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      org.springframework.util.FileSystemUtils.deleteRecursively(profile);
      Files.deleteIfExists(log);
      Files.deleteIfExists(output);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
