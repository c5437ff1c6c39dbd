package com.kafkaledger.localcluster;

import com.kafkaledger.localcluster.kafka.KafkaNodeSettings;
import com.kafkaledger.localcluster.kafka.KafkaNodeSettings.ControllerVoter;
import com.kafkaledger.localcluster.kafka.KafkaServerProperties;
import com.kafkaledger.localcluster.service.LedgerService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads docker-compose.yml, the Dockerfiles, .dockerignore, the services' yml files and the poms,
 * and compares them with what the services read and what ./run-local does. No Docker needed. Each
 * check returns the problems it found, so a test can also show that it finds them in a doctored file.
 */
final class ComposeChecks {

  static final String COMPOSE_FILE = "docker-compose.yml";
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");
  private static final Pattern REQUIRED = Pattern.compile("\\$\\{(\\w+):\\?[^}]+}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
  private static final Pattern PUBLISHED = Pattern.compile("127\\.0\\.0\\.1:\\$\\{(\\w+):-(\\d+)}:(\\d+)");
  private static final Pattern CREATE_TOPIC = Pattern.compile("^\\s*create\\s+(\\S+)(.*)$", Pattern.MULTILINE);
  private static final String POSTGRES_PORT = "5432";
  /** Read by the JVM, not by the service's yml: an operator may set it to change the heap. */
  private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
  private static final Set<String> SECRETS = Set.of(LocalSecrets.TOKEN_SECRET_VARIABLE,
      LocalSecrets.INTERNAL_TOKEN_VARIABLE, LocalSecrets.LEG_SIGNING_KEY_VARIABLE, "LEDGER_OPERATOR_PASSWORD");
  /** A node's own addresses and folders, checked apart from the settings every node shares with ./run-local's. */
  private static final Set<String> NODE_ADDRESS_PROPERTIES =
      Set.of("controller.quorum.voters", "listeners", "advertised.listeners", "log.dirs");

  private final Path root;
  private final Map<String, String> replacedFiles;
  private final Map<String, Map<String, Object>> services;
  private final LocalClusterSettings runLocal;

  /** @param replacedFiles project-relative paths whose text the checks take from here instead of the disk */
  ComposeChecks(Path root, Map<String, String> replacedFiles) {
    this.root = root;
    this.replacedFiles = replacedFiles;
    this.services = map(yaml(read(COMPOSE_FILE)).get("services"));
    this.runLocal = LocalClusterSettings.fromEnvironment(Map.of(), root);
  }

  String read(String relativePath) {
    String replaced = replacedFiles.get(relativePath);
    if (replaced != null) {
      return replaced;
    }
    try {
      return Files.readString(root.resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the checks ----

  /** Every variable compose gives a service is one the service reads. */
  List<String> variablesNoServiceReads() {
    List<String> problems = new ArrayList<>();
    ledgerServices().forEach((name, service) -> {
      Set<String> read = variablesRead(service);
      environment(name).keySet().stream().filter(variable -> !read.contains(variable))
          .forEach(variable -> problems.add(name + " sets " + variable + ", which " + service.moduleName()
              + ".yml does not read"));
    });
    return problems;
  }

  /** Every variable ./run-local gives a service, compose gives it too (but the loopback address). */
  List<String> runLocalVariablesMissing() {
    List<String> problems = new ArrayList<>();
    ledgerServices().forEach((name, service) -> runLocalEnvironment(service).keySet().stream()
        .filter(variable -> !variable.equals("SERVER_ADDRESS") && !environment(name).containsKey(variable))
        .forEach(variable -> problems.add(name + " lacks " + variable + ", which ./run-local sets")));
    return problems;
  }

  /** The values mean what ./run-local's mean, with container names where ./run-local has 127.0.0.1. */
  List<String> valuesDifferFromRunLocal() {
    List<String> problems = new ArrayList<>();
    String postgres = postgresService();
    Map<String, String> database = environment(postgres);
    String view = firstOf(LedgerService.BALANCE_VIEW);
    ledgerServices().forEach((name, service) -> {
      Map<String, String> environment = environment(name);
      runLocalEnvironment(service).forEach((variable, runLocalValue) -> {
        String value = environment.get(variable);
        if (value == null) {
          return; // runLocalVariablesMissing says so
        }
        String problem = switch (variable) {
          case "SERVER_PORT" -> differs(value, runLocalValue);
          // Containers must listen beyond their own loopback address; the published ports stay on the host's.
          case "SERVER_ADDRESS" -> value.startsWith("127.") || value.equals("localhost")
              ? "the other containers cannot reach " + value : null;
          case "KAFKA_BOOTSTRAP_SERVERS" -> differs(value, internalBootstrapServers());
          case "SPRING_DATASOURCE_URL" -> differs(value,
              runLocalValue.replace("127.0.0.1:" + runLocal.ports().postgres(), postgres + ":" + POSTGRES_PORT));
          case "SPRING_DATASOURCE_USERNAME" -> differs(value, database.get("POSTGRES_USER"));
          case "SPRING_DATASOURCE_PASSWORD" -> differs(value, database.get("POSTGRES_PASSWORD"));
          case "LEDGER_VIEW_URL" -> differs(value, runLocalValue.replace("127.0.0.1", String.valueOf(view)));
          case "LEDGER_STATE_DIR" -> ownVolumeProblem(name, value);
          case "LEDGER_OPERATOR_EMAIL" -> differs(withDefaults(value), runLocalValue);
          default -> SECRETS.contains(variable) ? requiredProblem(variable, value)
              : "no rule for " + variable + ", which ./run-local sets: add one to ComposeChecks";
        };
        if (problem != null) {
          problems.add(name + " " + variable + ": " + problem);
        }
      });
    });
    if (!String.valueOf(database.get("POSTGRES_DB")).equals(LocalCluster.DATABASE)) {
      problems.add(postgres + " POSTGRES_DB is not ./run-local's database " + LocalCluster.DATABASE);
    }
    String password = requiredProblem(null, String.valueOf(database.get("POSTGRES_PASSWORD")));
    if (password != null) {
      problems.add(postgres + " POSTGRES_PASSWORD: " + password);
    }
    services.keySet().forEach(name -> environment(name).forEach((variable, value) -> {
      Matcher defaulted = DEFAULTED.matcher(value);
      while (defaulted.find()) {
        // an empty default is an optional key left unset (LEDGER_LEG_ACCEPTED_KEYS), not a known secret
        if (defaulted.group(1).matches(".*(SECRET|TOKEN|KEY|PASSWORD).*") && !defaulted.group(2).isEmpty()) {
          problems.add(name + " " + variable + ": a secret with a default (" + defaulted.group() + ")");
        }
      }
    }));
    return problems;
  }

  /** Host ports: on 127.0.0.1, under ./run-local's variables and defaults, reaching the port the service listens on. */
  List<String> portProblems() {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> runLocalPorts = purposes(runLocal.ports());
    Set<String> onRunLocalVariable = new TreeSet<>();
    Set<String> published = new TreeSet<>();
    Map<Integer, String> hostPorts = new LinkedHashMap<>();
    for (String name : services.keySet()) {
      Optional<String> purpose = purposeOf(name);
      List<String> ports = list(services.get(name).get("ports"));
      if (purpose.isEmpty()) {
        if (!ports.isEmpty()) {
          problems.add(name + " publishes ports, but has no port in ./run-local");
        }
        continue;
      }
      if (ports.size() != 1) {
        problems.add(name + " publishes " + ports.size() + " ports, expected one");
        continue;
      }
      Matcher port = PUBLISHED.matcher(ports.get(0));
      if (!port.matches()) {
        problems.add(name + " publishes " + ports.get(0) + ", expected 127.0.0.1:${VARIABLE:-port}:port");
        continue;
      }
      published.add(purpose.get());
      String variable = port.group(1);
      int hostPort = Integer.parseInt(port.group(2));
      String listening = listeningPort(name);
      if (!port.group(3).equals(listening)) {
        problems.add(name + " publishes container port " + port.group(3) + " but listens on " + listening);
      }
      String clash = hostPorts.put(hostPort, name);
      if (clash != null) {
        problems.add(name + " and " + clash + " both default to host port " + hostPort);
      }
      Optional<String> runLocalPurpose = runLocalPurposeOf(variable);
      if (runLocalPurpose.isPresent()) {
        if (!runLocalPurpose.get().equals(purpose.get())) {
          problems.add(name + " publishes on " + variable + ", ./run-local's port for " + runLocalPurpose.get());
        } else if (hostPort != runLocalPorts.get(purpose.get())) {
          problems.add(name + " defaults " + variable + " to " + hostPort + ", ./run-local to "
              + runLocalPorts.get(purpose.get()));
        } else {
          onRunLocalVariable.add(purpose.get());
        }
      }
      if (purpose.get().equals("kafka")) {
        String advertised = listener(environment(name).get("KAFKA_ADVERTISED_LISTENERS"), "HOST");
        String expected = "localhost:${" + variable + ":-" + hostPort + "}";
        if (!expected.equals(advertised)) {
          problems.add(name + " advertises " + advertised + " to the host, but publishes " + expected);
        }
      }
    }
    published.stream().filter(purpose -> !onRunLocalVariable.contains(purpose))
        .forEach(purpose -> problems.add("no " + purpose + " is published under ./run-local's variable and port"));
    return problems;
  }

  /** The topics, partitions and settings of ./run-local's LedgerTopics. */
  List<String> topicProblems() {
    List<String> problems = new ArrayList<>();
    String step = topicStep();
    Map<String, String> environment = environment(step);
    Matcher partitions = DEFAULTED.matcher(String.valueOf(environment.get("LEDGER_PARTITIONS")));
    if (!partitions.matches() || !partitions.group(1).equals("LEDGER_PARTITIONS")
        || Integer.parseInt(partitions.group(2)) != runLocal.partitions()) {
      problems.add(step + " LEDGER_PARTITIONS must be ${LEDGER_PARTITIONS:-" + runLocal.partitions() + "}");
    }
    problems.addAll(Optional.ofNullable(differs(environment.get("KAFKA_BOOTSTRAP_SERVERS"),
        internalBootstrapServers())).map(problem -> List.of(step + " KAFKA_BOOTSTRAP_SERVERS: " + problem))
        .orElse(List.of()));
    String script = list(services.get(step).get("command")).stream().collect(Collectors.joining("\n"))
        .replace("$$", "$");
    for (String required : List.of("--create", "--if-not-exists", "--partitions \"$LEDGER_PARTITIONS\"",
        "--bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\"")) {
      if (!script.contains(required)) {
        problems.add(step + " does not create the topics with " + required);
      }
    }
    if (script.contains("--replication-factor")) {
      problems.add(step + " sets a replication factor; ./run-local leaves it to the brokers' default");
    }
    Map<String, Map<String, String>> created = new LinkedHashMap<>();
    Matcher create = CREATE_TOPIC.matcher(script);
    while (create.find()) {
      created.put(create.group(1), topicConfigs(create.group(2).trim()));
    }
    Map<String, Map<String, String>> expected = LedgerTopics.definitions(runLocal.partitions()).stream()
        .collect(Collectors.toMap(NewTopic::name, NewTopic::configs, (a, b) -> a, LinkedHashMap::new));
    expected.forEach((topic, configs) -> {
      if (!created.containsKey(topic)) {
        problems.add(step + " does not create " + topic);
      } else if (!created.get(topic).equals(configs)) {
        problems.add(step + " creates " + topic + " with " + created.get(topic) + ", ./run-local with " + configs);
      }
    });
    created.keySet().stream().filter(topic -> !expected.containsKey(topic))
        .forEach(topic -> problems.add(step + " creates " + topic + ", which ./run-local does not"));
    return problems;
  }

  /** The nodes carry ./run-local's broker settings for a cluster of their size, on the client's Kafka version. */
  List<String> kafkaProblems() {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, String>> nodes = kafkaNodes();
    if (nodes.isEmpty()) {
      return List.of("no Kafka node (a service with KAFKA_PROCESS_ROLES)");
    }
    int controllerPort = runLocal.ports().kafkaController();
    List<ControllerVoter> voters = nodes.values().stream()
        .map(environment -> new ControllerVoter(Integer.parseInt(environment.get("KAFKA_NODE_ID")), controllerPort))
        .toList();
    String expectedVoters = nodes.keySet().stream()
        .map(name -> nodes.get(name).get("KAFKA_NODE_ID") + "@" + hostname(name) + ":" + controllerPort)
        .collect(Collectors.joining(","));
    String image = kafkaImage();
    for (String name : List.copyOf(nodes.keySet())) {
      Map<String, String> environment = nodes.get(name);
      if (!image.equals(services.get(name).get("image"))) {
        problems.add(name + " runs " + services.get(name).get("image") + ", the client is " + image);
      }
      if (!expectedVoters.equals(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))) {
        problems.add(name + " has the voters " + environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS") + ", expected "
            + expectedVoters);
      }
      if (!String.valueOf(controllerPort).equals(listenerPort(environment.get("KAFKA_LISTENERS"), "CONTROLLER"))) {
        problems.add(name + " controller listener is not on ./run-local's port " + controllerPort);
      }
      String internal = hostname(name) + ":" + listenerPort(environment.get("KAFKA_LISTENERS"), "PLAINTEXT");
      if (!internal.equals(listener(environment.get("KAFKA_ADVERTISED_LISTENERS"), "PLAINTEXT"))) {
        problems.add(name + " does not advertise its PLAINTEXT listener as " + internal);
      }
      String logDirs = ownVolumeProblem(name, String.valueOf(environment.get("KAFKA_LOG_DIRS")));
      if (logDirs != null) {
        problems.add(name + " KAFKA_LOG_DIRS: " + logDirs);
      }
      KafkaNodeSettings node = new KafkaNodeSettings(Integer.parseInt(environment.get("KAFKA_NODE_ID")),
          runLocal.ports().kafka(), controllerPort, Path.of(name), Path.of(name + ".log"), voters, nodes.size());
      KafkaServerProperties.forNode(node).forEach((property, value) -> {
        String variable = kafkaVariable(property);
        String actual = environment.get(variable);
        if (NODE_ADDRESS_PROPERTIES.contains(property)) {
          return;
        }
        if (property.equals("listener.security.protocol.map")) {
          if (actual == null || !Arrays.asList(actual.split(",")).containsAll(Arrays.asList(value.split(",")))) {
            problems.add(name + " " + variable + " lacks ./run-local's " + value);
          }
        } else if (!value.equals(actual)) {
          problems.add(name + " " + variable + " is " + actual + "; ./run-local's settings for " + nodes.size()
              + " node(s) say " + value);
        }
      });
    }
    return problems;
  }

  /** Start order through health checks, the topic step first, and at least two processors. */
  List<String> dependencyProblems() {
    List<String> problems = new ArrayList<>();
    String step = topicStep();
    services.forEach((name, service) -> {
      if (service.get("depends_on") instanceof List) {
        problems.add(name + " lists depends_on without conditions");
        return;
      }
      map(service.get("depends_on")).forEach((target, spec) -> {
        String condition = String.valueOf(map(spec).get("condition"));
        String expected = target.equals(step) ? "service_completed_successfully" : "service_healthy";
        if (!services.containsKey(target)) {
          problems.add(name + " depends on " + target + ", which is no service");
        } else if (!condition.equals(expected)) {
          problems.add(name + " waits for " + target + " with " + condition + ", expected " + expected);
        } else if (expected.equals("service_healthy") && services.get(target).get("healthcheck") == null) {
          problems.add(name + " waits for " + target + " to be healthy, but it has no health check");
        }
      });
    });
    kafkaNodes().keySet().stream().filter(node -> !dependsOn(step, node))
        .forEach(node -> problems.add(step + " does not wait for " + node));
    String view = firstOf(LedgerService.BALANCE_VIEW);
    ledgerServices().forEach((name, service) -> {
      if (!dependsOn(name, step)) {
        problems.add(name + " does not wait for the topics (" + step + ")");
      }
      if (environment(name).containsKey("SPRING_DATASOURCE_URL") && !dependsOn(name, postgresService())) {
        problems.add(name + " does not wait for " + postgresService());
      }
      if (environment(name).containsKey("LEDGER_VIEW_URL") && !dependsOn(name, view)) {
        problems.add(name + " does not wait for " + view);
      }
      String probe = String.join(" ", healthCheck(name));
      if (!probe.contains("/actuator/health/readiness")
          || !(probe.contains("${SERVER_PORT}") || probe.contains(environment(name).get("SERVER_PORT")))) {
        problems.add(name + " does not probe /actuator/health/readiness on its SERVER_PORT");
      }
    });
    long processors = ledgerServices().values().stream().filter(LedgerService.LEDGER_PROCESSOR::equals).count();
    if (processors < 2) {
      problems.add(processors + " ledger-processor replica(s), expected at least two");
    }
    for (LedgerService service : LedgerService.values()) {
      if (!ledgerServices().containsValue(service)) {
        problems.add("no service is built from " + service.moduleName() + "/Dockerfile");
      }
    }
    String postgresImage = "postgres:" + rootPomProperty("zonky-postgres-binaries.version").split("\\.")[0];
    if (!postgresImage.equals(services.get(postgresService()).get("image"))) {
      problems.add(postgresService() + " runs " + services.get(postgresService()).get("image")
          + ", ./run-local runs PostgreSQL of " + postgresImage);
    }
    if (!kafkaImage().equals(services.get(step).get("image"))) {
      problems.add(step + " runs " + services.get(step).get("image") + ", the client is " + kafkaImage());
    }
    return problems;
  }

  /** Each Dockerfile copies the jar its module's build makes (the one ./run-local runs), and the context lets it in. */
  List<String> jarProblems() {
    List<String> problems = new ArrayList<>();
    List<String> ignored = read(".dockerignore").lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    if (!ignored.contains("*")) {
      problems.add(".dockerignore does not keep everything but the jars out of the build context");
    }
    ledgerServices().forEach((name, service) -> {
      Map<String, Object> build = map(services.get(name).get("build"));
      Path context = root.resolve(String.valueOf(build.get("context"))).normalize();
      String dockerfilePath = relative(context.resolve(String.valueOf(build.get("dockerfile"))));
      List<String[]> copies = read(dockerfilePath).lines().map(String::strip)
          .filter(line -> line.startsWith("COPY "))
          .map(line -> Arrays.stream(line.split("\\s+")).skip(1).filter(word -> !word.startsWith("--"))
              .toArray(String[]::new))
          .filter(words -> words.length == 2 && words[0].endsWith(".jar"))
          .toList();
      if (copies.size() != 1) {
        problems.add(dockerfilePath + " copies " + copies.size() + " jars, expected one");
        return;
      }
      String copied = relative(context.resolve(copies.get(0)[0]));
      String built = buildOutput(service.moduleName());
      if (!copied.equals(built)) {
        problems.add(dockerfilePath + " copies " + copied + ", but the Maven build makes " + built);
      }
      String runLocalJar = relative(service.executableJar(root));
      if (!built.equals(runLocalJar)) {
        problems.add(service.moduleName() + "'s build makes " + built + ", but ./run-local runs " + runLocalJar);
      }
      if (!ignored.contains("!" + copied)) {
        problems.add(".dockerignore keeps " + copied + " out of the build context");
      }
      String target = copies.get(0)[1];
      boolean runsIt = read(dockerfilePath).lines()
          .anyMatch(line -> line.startsWith("ENTRYPOINT") && line.contains("\"" + target + "\""));
      if (!runsIt) {
        problems.add(dockerfilePath + " does not run " + target);
      }
    });
    return problems;
  }

  // ---- what the checks compare with ----

  /** The variables a service reads: its yml's placeholders, and its properties in relaxed binding's variable form. */
  Set<String> variablesRead(LedgerService service) {
    Map<String, String> properties = new LinkedHashMap<>();
    flatten("", yaml(read(service.moduleName() + "/src/main/resources/" + service.moduleName() + ".yml")),
        properties);
    Set<String> read = new TreeSet<>(JVM_VARIABLES);
    properties.forEach((property, value) -> {
      read.add(relaxedVariable(property));
      Matcher placeholder = PLACEHOLDER.matcher(value);
      while (placeholder.find()) {
        read.add(placeholder.group(1));
      }
    });
    // The password is left out of the yml on purpose (no default); Spring Boot's datasource reads it all the same.
    if (properties.containsKey("spring.datasource.url")) {
      read.add(relaxedVariable("spring.datasource.password"));
    }
    return read;
  }

  /** The runnable jar a module's pom makes: target/finalName[-classifier of spring-boot-maven-plugin].jar. */
  String buildOutput(String module) {
    Element project = xml(read(module + "/pom.xml"));
    String artifactId = text(child(project, "artifactId"));
    Element version = child(project, "version");
    String versionText = version != null ? text(version) : text(child(child(project, "parent"), "version"));
    Element build = child(project, "build");
    Element finalName = child(build, "finalName");
    String name = (finalName == null ? artifactId + "-" + versionText : text(finalName))
        .replace("${project.artifactId}", artifactId).replace("${project.version}", versionText);
    String classifier = null;
    Element plugins = child(build, "plugins");
    for (Element plugin : children(plugins, "plugin")) {
      if ("spring-boot-maven-plugin".equals(text(child(plugin, "artifactId")))) {
        Element configured = child(child(plugin, "configuration"), "classifier");
        classifier = configured == null ? null : text(configured);
      }
    }
    return module + "/target/" + name + (classifier == null ? "" : "-" + classifier) + ".jar";
  }

  static Map<String, String> runLocalEnvironment(LedgerService service, LocalClusterSettings settings) {
    LocalSecrets secrets = new LocalSecrets(
        new LocalSecrets.Secret("token-secret", LocalSecrets.TOKEN_SECRET_VARIABLE, null),
        new LocalSecrets.Secret("internal-token", LocalSecrets.INTERNAL_TOKEN_VARIABLE, null),
        new LocalSecrets.Secret("leg-signing-key", LocalSecrets.LEG_SIGNING_KEY_VARIABLE, null));
    return ServiceEnvironments.of(service, settings, secrets);
  }

  private Map<String, String> runLocalEnvironment(LedgerService service) {
    return runLocalEnvironment(service, runLocal);
  }

  /** Which of ./run-local's ports the variable sets, found by setting it. */
  private Optional<String> runLocalPurposeOf(String variable) {
    Map<String, Integer> changed = purposes(LocalClusterSettings.fromEnvironment(Map.of(variable, "1"), root).ports());
    return purposes(runLocal.ports()).entrySet().stream()
        .filter(entry -> !entry.getValue().equals(changed.get(entry.getKey())))
        .map(Map.Entry::getKey).findFirst();
  }

  private static Map<String, Integer> purposes(LocalClusterSettings.Ports ports) {
    Map<String, Integer> purposes = new LinkedHashMap<>();
    purposes.put(LedgerService.API_GATEWAY.moduleName(), ports.gateway());
    purposes.put(LedgerService.LEDGER_PROCESSOR.moduleName(), ports.processor());
    purposes.put(LedgerService.BALANCE_VIEW.moduleName(), ports.view());
    purposes.put("kafka", ports.kafka());
    purposes.put("kafka-controller", ports.kafkaController());
    purposes.put("postgres", ports.postgres());
    return purposes;
  }

  private Optional<String> purposeOf(String name) {
    if (ledgerServices().containsKey(name)) {
      return Optional.of(ledgerServices().get(name).moduleName());
    }
    if (kafkaNodes().containsKey(name)) {
      return Optional.of("kafka");
    }
    return name.equals(postgresService()) ? Optional.of("postgres") : Optional.empty();
  }

  private String listeningPort(String name) {
    if (ledgerServices().containsKey(name)) {
      return environment(name).get("SERVER_PORT");
    }
    if (kafkaNodes().containsKey(name)) {
      return listenerPort(environment(name).get("KAFKA_LISTENERS"), "HOST");
    }
    return POSTGRES_PORT;
  }

  // ---- compose look-ups ----

  /** The services built from a module's Dockerfile, with the service each runs. */
  Map<String, LedgerService> ledgerServices() {
    Map<String, LedgerService> result = new LinkedHashMap<>();
    services.forEach((name, service) -> {
      Object dockerfile = map(service.get("build")).get("dockerfile");
      Arrays.stream(LedgerService.values())
          .filter(candidate -> (candidate.moduleName() + "/Dockerfile").equals(dockerfile))
          .findFirst().ifPresent(candidate -> result.put(name, candidate));
    });
    return result;
  }

  Map<String, Map<String, String>> kafkaNodes() {
    Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
    services.keySet().stream().filter(name -> environment(name).containsKey("KAFKA_PROCESS_ROLES"))
        .forEach(name -> nodes.put(name, environment(name)));
    return nodes;
  }

  String topicStep() {
    List<String> steps = services.keySet().stream()
        .filter(name -> String.valueOf(services.get(name).get("image")).startsWith("apache/kafka:"))
        .filter(name -> !kafkaNodes().containsKey(name)).toList();
    if (steps.size() != 1) {
      throw new AssertionError("expected one topic-creation step (apache/kafka without KAFKA_PROCESS_ROLES), found "
          + steps);
    }
    return steps.get(0);
  }

  String postgresService() {
    List<String> found = services.keySet().stream()
        .filter(name -> String.valueOf(services.get(name).get("image")).startsWith("postgres:")).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one PostgreSQL service, found " + found);
    }
    return found.get(0);
  }

  Map<String, String> environment(String service) {
    Object environment = services.get(service).get("environment");
    Map<String, String> result = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
    } else {
      list(environment).forEach(entry -> result.put(entry.split("=", 2)[0], entry.contains("=")
          ? entry.split("=", 2)[1] : ""));
    }
    return result;
  }

  /** The health check's command as the container runs it: compose turns $$ into $. */
  List<String> healthCheck(String service) {
    return list(map(services.get(service).get("healthcheck")).get("test")).stream()
        .map(word -> word.replace("$$", "$")).toList();
  }

  private boolean dependsOn(String service, String target) {
    return map(services.get(service).get("depends_on")).containsKey(target);
  }

  private String firstOf(LedgerService kind) {
    return ledgerServices().entrySet().stream().filter(entry -> entry.getValue() == kind)
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  private String hostname(String service) {
    return String.valueOf(services.get(service).getOrDefault("hostname", service));
  }

  private String internalBootstrapServers() {
    return kafkaNodes().values().stream()
        .map(environment -> listener(environment.get("KAFKA_ADVERTISED_LISTENERS"), "PLAINTEXT"))
        .collect(Collectors.joining(","));
  }

  /** The path is where one of the service's named volumes is mounted, a volume no other service mounts. */
  private String ownVolumeProblem(String service, String path) {
    Optional<String> volume = list(services.get(service).get("volumes")).stream()
        .map(mount -> mount.split(":")).filter(parts -> parts.length >= 2 && parts[1].equals(path))
        .map(parts -> parts[0]).findFirst();
    if (volume.isEmpty() || volume.get().startsWith(".") || volume.get().startsWith("/")) {
      return "no named volume is mounted on " + path;
    }
    List<String> sharing = services.keySet().stream().filter(other -> !other.equals(service))
        .filter(other -> list(services.get(other).get("volumes")).stream()
            .anyMatch(mount -> mount.startsWith(volume.get() + ":")))
        .toList();
    return sharing.isEmpty() ? null : "volume " + volume.get() + " is shared with " + sharing;
  }

  private String kafkaImage() {
    return "apache/kafka:" + AppInfoParser.getVersion();
  }

  private String rootPomProperty(String property) {
    return text(child(child(xml(read("pom.xml")), "properties"), property));
  }

  private String relative(Path path) {
    return root.relativize(path.normalize()).toString().replace('\\', '/');
  }

  // ---- small parsers ----

  static Map<String, Object> yaml(String text) {
    return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
  }

  /** The value compose uses when no variable is set: ${VAR:-default} becomes the default. */
  static String withDefaults(String value) {
    return DEFAULTED.matcher(value).replaceAll(match -> Matcher.quoteReplacement(match.group(2)));
  }

  private static String requiredProblem(String variable, String value) {
    Matcher required = REQUIRED.matcher(value);
    if (!required.matches() || (variable != null && !required.group(1).equals(variable))) {
      return "a secret must be required from the environment, as ${" + (variable == null ? "VARIABLE" : variable)
          + ":?message}, was " + value;
    }
    return null;
  }

  private static String differs(String actual, String expected) {
    return Objects.equals(actual, expected) ? null : "is " + actual + ", expected " + expected;
  }

  private static String relaxedVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The environment variable the apache/kafka image turns into this server property. */
  static String kafkaVariable(String property) {
    return "KAFKA_" + property.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** host:port of the named listener in a listeners list such as PLAINTEXT://kafka-1:19092,HOST://:9092. */
  private static String listener(String listeners, String name) {
    return Arrays.stream(String.valueOf(listeners).split(","))
        .filter(entry -> entry.startsWith(name + "://"))
        .map(entry -> entry.substring(name.length() + 3)).findFirst().orElse(null);
  }

  private static String listenerPort(String listeners, String name) {
    String address = listener(listeners, name);
    return address == null ? null : address.substring(address.lastIndexOf(':') + 1);
  }

  private static Map<String, String> topicConfigs(String arguments) {
    Map<String, String> configs = new LinkedHashMap<>();
    List<String> words = arguments.isEmpty() ? List.of() : List.of(arguments.split("\\s+"));
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).equals("--config") && i + 1 < words.size()) {
        String[] setting = words.get(++i).split("=", 2);
        configs.put(setting[0], setting.length == 2 ? setting[1] : "");
      } else {
        configs.put(words.get(i), "(not a --config)");
      }
    }
    return configs;
  }

  private static void flatten(String prefix, Map<String, Object> tree, Map<String, String> properties) {
    tree.forEach((key, value) -> {
      String property = prefix.isEmpty() ? key : prefix + "." + key;
      if (value instanceof Map) {
        flatten(property, map(value), properties);
      } else {
        properties.put(property, String.valueOf(value));
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> map(Object value) {
    if (value == null) {
      return Map.of();
    }
    Map<String, V> result = new LinkedHashMap<>();
    ((Map<Object, V>) value).forEach((key, entry) -> result.put(String.valueOf(key), entry));
    return result;
  }

  private static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  private static Element xml(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element element) {
    return element == null ? null : element.getTextContent().strip();
  }
}
