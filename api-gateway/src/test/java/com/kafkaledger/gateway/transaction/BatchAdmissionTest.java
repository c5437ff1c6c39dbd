package com.kafkaledger.gateway.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchAdmissionTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final BatchAdmission admission = new BatchAdmission(2, Duration.ofMillis(50), registry);

  @Test
  void aBatchBeyondTheMostInProgressIsRefusedUntilOneFinishes() {
    BatchAdmission.Admitted first = admission.enter();
    BatchAdmission.Admitted second = admission.enter();

    assertThatThrownBy(admission::enter).isInstanceOf(BatchesBusyException.class)
        .hasMessageContaining("already handling 2 batches");
    assertThat(registry.get("ledger.gateway.batches.busy").counter().count()).isEqualTo(1);

    first.close();
    admission.enter().close();
    second.close();
    admission.enter();
    admission.enter();
  }
}
