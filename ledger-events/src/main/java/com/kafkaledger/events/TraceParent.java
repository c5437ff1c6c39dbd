package com.kafkaledger.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.MDC;

/**
 * The W3C trace context a record carries in its {@value #HEADER} header
 * ({@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}). The gateway starts the trace;
 * every record the ledger writes for a command keeps the command's header, so one trace id follows
 * a transaction through every topic and every service's logs.
 *
 * @param traceId 32 lowercase hex digits
 * @param spanId the span that sent the record, 16 lowercase hex digits
 */
public record TraceParent(String traceId, String spanId) {

  public static final String HEADER = "traceparent";

  private static final int TRACE_ID_START = 3;
  private static final int SPAN_ID_START = 36;
  private static final int FLAGS_START = 53;
  /** Version 00's length; a later version may append fields after the flags. */
  private static final int MIN_LENGTH = 55;

  /** The MDC keys Spring Boot's log correlation (and structured logging) print. */
  public static final String MDC_TRACE_ID = "traceId";
  public static final String MDC_SPAN_ID = "spanId";

  /**
   * Puts the record's trace context in the MDC, so that the lines logged about the record carry
   * the gateway's trace id. Returns whether it had one: pass that to {@link #clearMdc(boolean)}.
   */
  public static boolean putInMdc(Headers headers) {
    TraceParent trace = of(headers);
    if (trace == null) {
      return false;
    }
    MDC.put(MDC_TRACE_ID, trace.traceId());
    MDC.put(MDC_SPAN_ID, trace.spanId());
    return true;
  }

  public static void clearMdc(boolean put) {
    if (put) {
      MDC.remove(MDC_TRACE_ID);
      MDC.remove(MDC_SPAN_ID);
    }
  }

  /** The record's trace context, or null when it has none or it is malformed. */
  public static TraceParent of(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(HEADER);
    return header == null ? null : parse(header.value());
  }

  /** Parsed without regular expressions or copies but the two ids: it runs once per record. */
  static TraceParent parse(byte[] value) {
    if (value == null || value.length < MIN_LENGTH
        || value[2] != '-' || value[SPAN_ID_START - 1] != '-' || value[FLAGS_START - 1] != '-'
        || (value.length > MIN_LENGTH && value[MIN_LENGTH] != '-')
        || !isHex(value, 0, 2) || (value[0] == 'f' && value[1] == 'f')
        || !isHex(value, TRACE_ID_START, SPAN_ID_START - 1) || isZero(value, TRACE_ID_START, SPAN_ID_START - 1)
        || !isHex(value, SPAN_ID_START, FLAGS_START - 1) || isZero(value, SPAN_ID_START, FLAGS_START - 1)
        || !isHex(value, FLAGS_START, MIN_LENGTH)) {
      return null;
    }
    return new TraceParent(
        new String(value, TRACE_ID_START, SPAN_ID_START - 1 - TRACE_ID_START, StandardCharsets.US_ASCII),
        new String(value, SPAN_ID_START, FLAGS_START - 1 - SPAN_ID_START, StandardCharsets.US_ASCII));
  }

  private static boolean isHex(byte[] value, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = value[i];
      if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** All-zero ids are invalid by the specification. */
  private static boolean isZero(byte[] value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (value[i] != '0') {
        return false;
      }
    }
    return true;
  }
}
