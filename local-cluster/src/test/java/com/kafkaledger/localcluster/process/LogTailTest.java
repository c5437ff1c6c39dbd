package com.kafkaledger.localcluster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir
  Path directory;

  @Test
  void showsTheLastLines() throws Exception {
    Path log = directory.resolve("service.log");
    Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
        .collect(Collectors.joining("\n", "", "\n")));

    assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
  }

  @Test
  void aShortLogIsShownWhole() throws Exception {
    Path log = directory.resolve("service.log");
    Files.writeString(log, "only\nthese\n");

    assertThat(LogTail.lastLines(log, 40)).containsExactly("only", "these");
  }

  @Test
  void aMissingLogIsSaidSo() {
    assertThat(LogTail.lastLines(directory.resolve("absent.log"), 5)).singleElement().asString()
        .startsWith("(no log at");
  }
}
