package com.kafkaledger.bench.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL statements of one of the shared pgbench scripts (resources baseline/*.sql), in file order
 * and exactly as written there, with pgbench's {@code :variables} turned into JDBC parameters. The
 * script's meta-commands ({@code \set}, {@code \if}, {@code \gset}) are done in Java by the
 * movements; BEGIN and COMMIT by JDBC (autocommit off, then {@code commit()}).
 */
public record PgbenchScript(String name, List<Statement> statements) {

  private static final Pattern VARIABLE = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");
  private static final String GSET = "\\gset";

  /** One SQL line of the script: its text with {@code ?} for each variable, and the variables in order. */
  public record Statement(String sql, List<String> parameters) {}

  public PgbenchScript {
    statements = List.copyOf(statements);
  }

  public static PgbenchScript load(String fileName) {
    return parse(fileName, resource(fileName));
  }

  static PgbenchScript parse(String name, String text) {
    List<Statement> statements = new ArrayList<>();
    for (String rawLine : text.split("\\R")) {
      String line = rawLine.strip();
      if (line.isEmpty() || line.startsWith("--") || line.startsWith("\\")
          || line.equals("BEGIN;") || line.equals("COMMIT;")) {
        continue;
      }
      statements.add(statement(line));
    }
    return new PgbenchScript(name, statements);
  }

  public Statement statement(int index) {
    return statements.get(index);
  }

  private static Statement statement(String line) {
    String sql = line.endsWith(GSET) ? line.substring(0, line.length() - GSET.length()).strip() : line;
    sql = sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    List<String> parameters = new ArrayList<>();
    Matcher variable = VARIABLE.matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    while (variable.find()) {
      parameters.add(variable.group(1));
      variable.appendReplacement(jdbc, "?");
    }
    variable.appendTail(jdbc);
    return new Statement(jdbc.toString(), List.copyOf(parameters));
  }

  static String resource(String fileName) {
    try (InputStream in = PgbenchScript.class.getResourceAsStream("/baseline/" + fileName)) {
      if (in == null) {
        throw new IllegalStateException("no resource baseline/" + fileName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
