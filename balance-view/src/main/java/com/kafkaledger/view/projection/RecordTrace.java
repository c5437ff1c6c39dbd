package com.kafkaledger.view.projection;

import com.kafkaledger.events.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * A record's trace context in the MDC while the lines about it are logged, so that they carry the
 * trace id the gateway started. Batch listeners get no observation from Spring Kafka (a batch has
 * no single trace), hence by hand, per record, and only around logging.
 */
final class RecordTrace {

  /** The MDC keys Spring Boot's log correlation (and structured logging) print. */
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";

  private RecordTrace() {}

  /** Returns whether the record had a trace context to put in the MDC; pass that to {@link #exit}. */
  static boolean enter(ConsumerRecord<?, ?> record) {
    TraceParent trace = TraceParent.of(record.headers());
    if (trace == null) {
      return false;
    }
    MDC.put(TRACE_ID, trace.traceId());
    MDC.put(SPAN_ID, trace.spanId());
    return true;
  }

  static void exit(boolean entered) {
    if (entered) {
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
  }
}
