package com.kafkaledger.gateway.transaction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code ledger.gateway.batch-max-in-progress} batches are read and submitted at once by
 * this instance; the next waits up to {@code batch-admission-wait} for one to finish, then is
 * refused. A batch's body is read only once it is admitted, so what batches hold in memory is
 * bounded by this count, not by the server's 200 threads: a body of 512 KiB becomes a JSON tree of
 * up to about 1.4 MiB, kept until its movements are published.
 */
@Component
class BatchAdmission {

  private final int maxInProgress;
  private final Duration wait;
  private final Semaphore permits;
  private final Counter refused;

  BatchAdmission(@Value("${ledger.gateway.batch-max-in-progress}") int maxInProgress,
      @Value("${ledger.gateway.batch-admission-wait}") Duration wait, MeterRegistry registry) {
    this.maxInProgress = maxInProgress;
    this.wait = wait;
    this.permits = new Semaphore(maxInProgress, true);
    this.refused = Counter.builder("ledger.gateway.batches.busy")
        .description("Batches refused with 503 because this instance was handling as many as it takes at once")
        .register(registry);
  }

  /** Waits for room for one more batch; close the answer when the batch is done. */
  Admitted enter() {
    try {
      if (permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return permits::release;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    refused.increment();
    throw new BatchesBusyException(maxInProgress);
  }

  /** One admitted batch. */
  interface Admitted extends AutoCloseable {
    @Override
    void close();
  }
}
