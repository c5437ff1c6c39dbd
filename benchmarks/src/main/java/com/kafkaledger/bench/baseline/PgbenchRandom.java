package com.kafkaledger.bench.baseline;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The scripts' {@code \set} lines: the same variables with the same distributions as pgbench draws them. */
public final class PgbenchRandom {

  /** Accounts 1..100000 (schema.sql); account 1 is the hot merchant of the charge scripts. */
  public static final long ACCOUNTS = 100_000;

  private PgbenchRandom() {}

  /** pgbench's {@code random(lo, hi)}: uniform, both ends included. */
  public static long random(RandomGenerator random, long lo, long hi) {
    return random.nextLong(lo, hi + 1);
  }

  /** w_withdraw: {@code aid random(1, 100000)}, {@code amt random(1, 1000)}, {@code negamt -1 * :amt}. */
  static Map<String, Long> withdraw(RandomGenerator random) {
    long amount = random(random, 1, 1000);
    return Map.of("aid", random(random, 1, ACCOUNTS), "amt", amount, "negamt", -amount);
  }

  /** c_charge: a customer {@code cid random(2, 100000)}, never the merchant (account 1). */
  static Map<String, Long> charge(RandomGenerator random) {
    long amount = random(random, 1, 1000);
    return Map.of("cid", random(random, 2, ACCOUNTS), "amt", amount, "negamt", -amount);
  }

  /** t_transfer: {@code b (:a + random(0, 99998)) % 100000 + 1}, so never a itself; lo and hi for the lock order. */
  static Map<String, Long> transfer(RandomGenerator random) {
    long[] pair = transferPair(random);
    long amount = random(random, 1, 1000);
    return Map.of("a", pair[0], "b", pair[1], "amt", amount, "negamt", -amount,
        "lo", Math.min(pair[0], pair[1]), "hi", Math.max(pair[0], pair[1]));
  }

  /** The source and destination of a transfer: two different accounts, each uniform over 1..100000. */
  public static long[] transferPair(RandomGenerator random) {
    long a = random(random, 1, ACCOUNTS);
    long b = (a + random(random, 0, ACCOUNTS - 2)) % ACCOUNTS + 1;
    return new long[] {a, b};
  }
}
