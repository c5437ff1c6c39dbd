package com.kafkaledger.localcluster.process;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Command lines for child JVMs, run by the same Java installation as the launcher. */
public final class JavaCommand {

  private JavaCommand() {}

  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * {@code mainClass} on the launcher's own classpath: ./run-local's {@code -cp} (the launcher's jar
   * and its libraries), or a jar whose manifest lists the libraries (the bank test's, the benchmark's,
   * a Surefire booter jar).
   */
  public static List<String> onLauncherClasspath(List<String> jvmOptions, String mainClass, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(absoluteLauncherClasspath());
    command.add(mainClass);
    command.addAll(Arrays.asList(arguments));
    return command;
  }

  public static List<String> executableJar(List<String> jvmOptions, Path jar) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    return command;
  }

  // Absolute, so that the child may run from any working directory.
  private static String absoluteLauncherClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }
}
