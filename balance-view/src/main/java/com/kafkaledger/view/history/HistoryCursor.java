package com.kafkaledger.view.history;

import com.kafkaledger.view.problem.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a history starts: opaque to clients (base64url of the last sequence a
 * page returned), so that its form can change without breaking them.
 */
final class HistoryCursor {

  static final String PARAMETER = "cursor";

  private HistoryCursor() {}

  static String after(long sequence) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
  }

  /** The sequence the previous page ended at; the next page holds only older entries. */
  static long sequenceOf(String cursor) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      long sequence = Long.parseLong(decoded);
      if (sequence >= 1) {
        return sequence;
      }
    } catch (IllegalArgumentException e) {
      // not base64url or not a number: the same answer as a number out of range, below
    }
    throw new InvalidParameterException(PARAMETER, "The cursor is not one this API handed out.");
  }
}
