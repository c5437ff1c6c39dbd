package com.kafkaledger.localcluster.service;

import java.nio.file.Files;
import java.nio.file.Path;

/** The pipeline's services, in the order they start; they stop in the reverse order. */
public enum LedgerService {
  LEDGER_PROCESSOR("ledger-processor"),
  BALANCE_VIEW("balance-view"),
  API_GATEWAY("api-gateway");

  private final String moduleName;

  LedgerService(String moduleName) {
    this.moduleName = moduleName;
  }

  public String moduleName() {
    return moduleName;
  }

  /** The project root, where the modules are: the working directory itself, or its parent from a module. */
  public static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve(LEDGER_PROCESSOR.moduleName)) ? here : here.getParent();
  }

  /** The Spring Boot jar the module's build leaves in its target folder. */
  public Path executableJar(Path projectRoot) {
    return projectRoot.resolve(moduleName).resolve("target").resolve(moduleName + "-exec.jar");
  }
}
