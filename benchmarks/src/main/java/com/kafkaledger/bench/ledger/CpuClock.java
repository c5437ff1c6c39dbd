package com.kafkaledger.bench.ledger;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time used by this JVM and by the broker: CPU per record is a figure that contention from
 * other programs on the machine changes far less than a rate, and it tells where the time goes.
 */
final class CpuClock {

  private final com.sun.management.OperatingSystemMXBean thisJvm =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ProcessHandle broker;

  CpuClock(long brokerPid) {
    this.broker = ProcessHandle.of(brokerPid).orElse(null);
  }

  long thisJvmNanos() {
    return thisJvm.getProcessCpuTime();
  }

  /** 0 when the broker's CPU time cannot be read. */
  long brokerNanos() {
    return broker == null ? 0 : broker.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
