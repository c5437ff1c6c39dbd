package com.kafkaledger.bench.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One workload's throughput at each client count.
 *
 * @param transactionsPerSecond committed transactions per second, by client count, in the order run
 * @param retries attempts retried after a deadlock or serialization failure, over all client counts
 */
public record BaselineResult(BaselineWorkload workload, Map<Integer, Double> transactionsPerSecond, long retries) {

  public BaselineResult {
    transactionsPerSecond = new LinkedHashMap<>(transactionsPerSecond);
  }

  public int bestClients() {
    return transactionsPerSecond.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  public double bestTransactionsPerSecond() {
    return transactionsPerSecond.get(bestClients());
  }

  /** e.g. {@code baseline  charge (hot merchant)   app-style  best 1480 tps at 32 clients (8: 1200, 32: 1480)}. */
  public String line() {
    String all = transactionsPerSecond.entrySet().stream()
        .map(entry -> entry.getKey() + ": " + Math.round(entry.getValue()))
        .collect(Collectors.joining(", "));
    return String.format("baseline  %-22s %-10s best %6d tps at %d clients (%s)%s", workload.movement(),
        workload.style(), Math.round(bestTransactionsPerSecond()), bestClients(), all,
        retries == 0 ? "" : ", " + retries + " retries after deadlocks or serialization failures");
  }
}
