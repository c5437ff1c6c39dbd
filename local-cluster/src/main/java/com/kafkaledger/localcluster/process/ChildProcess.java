package com.kafkaledger.localcluster.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A program started by the launcher, its output appended to a log file, stopped politely, then firmly. */
public final class ChildProcess {

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts {@code command} with the launcher's environment plus {@code extraEnvironment}. */
  public static ChildProcess start(String name, List<String> command, Map<String, String> extraEnvironment,
      Path logFile) throws IOException {
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    Files.writeString(logFile, "==== " + Instant.now() + " starting " + name + ": " + String.join(" ", command)
        + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    ProcessBuilder builder = new ProcessBuilder(inOwnSession(command))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(extraEnvironment);
    return new ChildProcess(name, builder.start(), logFile);
  }

  // A terminal sends Ctrl-C to its whole foreground process group. In a session of its own the
  // child only gets the launcher's SIGTERM, so the launcher alone decides the order of stopping.
  // setsid(1) execs in place (same pid) because a child of the JVM is no process-group leader.
  private static List<String> inOwnSession(List<String> command) {
    if (!Files.isExecutable(SETSID)) {
      return command;
    }
    List<String> wrapped = new ArrayList<>();
    wrapped.add(SETSID.toString());
    wrapped.addAll(command);
    return wrapped;
  }

  /** SIGTERM (a JVM child runs its shutdown hooks), then SIGKILL if it is still there after {@code grace}. */
  public void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        System.out.printf("%s did not stop within %d s, killing it%n", name, grace.toSeconds());
        process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL: no shutdown hooks, no flushing; what a crash or an OOM killer does. Waits until it is gone. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a process that is expected to end by itself (a tool run); kills it after {@code limit}. */
  public int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      throw new IllegalStateException(name + " did not finish within " + limit.toSeconds() + " s");
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; only meaningful once {@link #isAlive()} is false. */
  public int exitCode() {
    return process.exitValue();
  }

  public CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }
}
