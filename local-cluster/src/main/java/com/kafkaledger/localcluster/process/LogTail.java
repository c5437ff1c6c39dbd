package com.kafkaledger.localcluster.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, to show next to a failure without opening the file. */
public final class LogTail {

  // Reads at most this much from the end, so that a huge log costs no more than a small one.
  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  public static List<String> lastLines(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return List.of("(no log at " + file + ")");
    }
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, log.length() - MAX_BYTES);
      byte[] bytes = new byte[(int) (log.length() - start)];
      log.seek(start);
      log.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
    }
  }

  /** The last lines, indented, under a header naming the file. */
  public static String describe(Path file, int lines) {
    StringBuilder text = new StringBuilder("---- last lines of " + file + System.lineSeparator());
    lastLines(file, lines).forEach(line -> text.append("  | ").append(line).append(System.lineSeparator()));
    return text.toString();
  }
}
