package com.kafkaledger.examples.chargevolume;

import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * A value of the output topic: the completed charges of one merchant account in one minute.
 *
 * @param windowStart inclusive, by the events' {@code occurredAt}
 * @param windowEnd exclusive
 * @param amount sum of the charges' amounts, minor units of {@code currency}
 * @param charges how many charges
 */
public record ChargeVolume(String merchantAccountId, String currency, Instant windowStart,
    Instant windowEnd, long amount, long charges) {

  static ChargeVolume of(Windowed<String> window, ChargeTotal total) {
    return new ChargeVolume(window.key(), total.currency(), window.window().startTime(),
        window.window().endTime(), total.amount(), total.charges());
  }

  /** The output record's key: one key per merchant account and minute; the newest record wins. */
  public String key() {
    return merchantAccountId + "@" + windowStart;
  }
}
