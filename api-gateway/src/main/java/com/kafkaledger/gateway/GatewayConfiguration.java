package com.kafkaledger.gateway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  /** The gateway stamps each command with the time it was accepted; the ledger reads no clock. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
