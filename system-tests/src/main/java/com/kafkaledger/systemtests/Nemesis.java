package com.kafkaledger.systemtests;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults, while the clients run: every {@code processorKillEvery} a ledger processor is killed
 * with SIGKILL and started again at once; once per cycle a Kafka node is killed with SIGKILL and
 * started again a few seconds later, and the view and then the gateway are killed and restarted.
 */
final class Nemesis {

  private static final Duration BROKER_DOWNTIME = Duration.ofSeconds(8);

  private final SystemCluster cluster;
  private final Duration processorKillEvery;
  private final Duration cycle;
  final AtomicInteger processorKills = new AtomicInteger();
  final AtomicInteger brokerKills = new AtomicInteger();
  final AtomicInteger viewKills = new AtomicInteger();
  final AtomicInteger gatewayKills = new AtomicInteger();
  private volatile boolean stopping;
  private volatile Exception failure;
  private Thread thread;

  Nemesis(SystemCluster cluster, Duration processorKillEvery, Duration cycle) {
    this.cluster = cluster;
    this.processorKillEvery = processorKillEvery;
    this.cycle = cycle;
  }

  /** Why faults stopped early, or null; a run with fewer faults than planned proves less. */
  Exception failure() {
    return failure;
  }

  int kills() {
    return processorKills.get() + brokerKills.get() + viewKills.get() + gatewayKills.get();
  }

  void start() {
    thread = new Thread(this::run, "nemesis");
    thread.start();
  }

  void stopAndAwait() throws InterruptedException {
    stopping = true;
    thread.join();
  }

  // Within each cycle: the broker at 35 %, the view at 60 %, the gateway at 80 %.
  private void run() {
    long started = System.nanoTime();
    long nextProcessorKill = processorKillEvery.toMillis();
    long cycleMillis = cycle.toMillis();
    long brokerBackAt = -1;
    int brokerDown = -1;
    long lastSecond = -1;
    try {
      while (!stopping) {
        Thread.sleep(100);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        if (elapsed >= nextProcessorKill) {
          int victim = processorKills.get() % cluster.processorCount(); // in turn, so each one dies
          say("kill -9 ledger-processor-" + (victim + 1) + " and restart it");
          cluster.crashAndRestartProcessor(victim);
          processorKills.incrementAndGet();
          nextProcessorKill += processorKillEvery.toMillis();
        }
        if (brokerDown >= 0 && elapsed >= brokerBackAt) {
          say("start kafka-" + (brokerDown + 1) + " again");
          cluster.startBroker(brokerDown);
          brokerDown = -1;
        }
        long second = elapsed / 1_000;
        if (second == lastSecond) {
          continue;
        }
        lastSecond = second;
        long inCycle = elapsed % cycleMillis;
        if (reached(inCycle, cycleMillis * 35 / 100) && brokerDown < 0) {
          brokerDown = ThreadLocalRandom.current().nextInt(cluster.brokerCount());
          say("kill -9 kafka-" + (brokerDown + 1));
          cluster.crashBroker(brokerDown);
          brokerKills.incrementAndGet();
          brokerBackAt = elapsed + BROKER_DOWNTIME.toMillis();
        } else if (reached(inCycle, cycleMillis * 60 / 100)) {
          say("kill -9 balance-view and restart it");
          cluster.crashAndRestartView();
          viewKills.incrementAndGet();
        } else if (reached(inCycle, cycleMillis * 80 / 100)) {
          say("kill -9 api-gateway and restart it");
          cluster.crashAndRestartGateway();
          gatewayKills.incrementAndGet();
        }
      }
      if (brokerDown >= 0) {
        cluster.startBroker(brokerDown);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failure = e;
      System.out.println("bank test: the nemesis failed to inject a fault: " + e);
    }
  }

  // True in the one second of the cycle in which the mark falls (the loop looks once a second).
  private static boolean reached(long inCycle, long mark) {
    return inCycle >= mark && inCycle < mark + 1_000;
  }

  private static void say(String what) {
    System.out.printf("bank test: fault: %s%n", what);
  }
}
