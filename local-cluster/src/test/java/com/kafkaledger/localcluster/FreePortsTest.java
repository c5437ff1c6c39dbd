package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  // The system hands a just-closed ephemeral port out again now and then: a cluster's servers, each
  // given one of these, must never get the same one.
  @Test
  void neverHandsOutAPortTwice() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      assertThat(ports.add(FreePorts.next())).as("port handed out twice").isTrue();
    }
  }
}
