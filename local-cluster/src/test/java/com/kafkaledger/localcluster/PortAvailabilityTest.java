package com.kafkaledger.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortAvailabilityTest {

  @Test
  void aPortSomeoneListensOnIsReportedWithItsPurpose() throws Exception {
    try (ServerSocket occupant = new ServerSocket()) {
      occupant.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = occupant.getLocalPort();

      assertThat(PortAvailability.taken(Map.of(port, "Kafka broker (LEDGER_KAFKA_PORT)")))
          .containsExactly("Kafka broker (LEDGER_KAFKA_PORT): port " + port + " is in use");
    }
  }
}
