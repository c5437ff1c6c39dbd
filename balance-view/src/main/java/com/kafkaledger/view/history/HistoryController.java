package com.kafkaledger.view.history;

import com.kafkaledger.view.problem.InvalidParameterException;
import com.kafkaledger.view.problem.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's history, newest first, one page at a time. */
@RestController
class HistoryController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final HistoryRepository history;

  HistoryController(HistoryRepository history) {
    this.history = history;
  }

  /**
   * @param from ISO-8601 instant, inclusive
   * @param to ISO-8601 instant, exclusive
   */
  @GetMapping("/api/v1/accounts/{accountId}/transactions")
  HistoryPage history(
      @PathVariable UUID accountId,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) EntryStatus status) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    Long beforeSequence = cursor == null ? null : HistoryCursor.sequenceOf(cursor);
    if (!history.accountExists(accountId)) {
      throw new NotFoundException("No account " + accountId + ".");
    }
    var query = new HistoryQuery(accountId, limit, beforeSequence, from, to, status);
    // one row more than asked tells whether an older page exists
    List<HistoryItem> rows = history.find(query, limit + 1);
    if (rows.size() <= limit) {
      return new HistoryPage(rows, null);
    }
    List<HistoryItem> page = rows.subList(0, limit);
    return new HistoryPage(page, HistoryCursor.after(page.get(limit - 1).sequence()));
  }
}
