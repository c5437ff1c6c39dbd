package com.kafkaledger.gateway.outcome;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Prefer: wait=N} request header (RFC 7240), capped at 30 seconds. */
public final class PreferWait {

  public static final String HEADER = "Prefer";
  public static final Duration MAX = Duration.ofSeconds(30);
  private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?", Pattern.CASE_INSENSITIVE);

  private PreferWait() {}

  /** How long the client is prepared to wait; zero when it did not ask. */
  public static Duration from(String header) {
    if (header == null) {
      return Duration.ZERO;
    }
    Matcher matcher = WAIT.matcher(header);
    if (!matcher.find()) {
      return Duration.ZERO;
    }
    Duration asked = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
    return asked.compareTo(MAX) > 0 ? MAX : asked;
  }
}
