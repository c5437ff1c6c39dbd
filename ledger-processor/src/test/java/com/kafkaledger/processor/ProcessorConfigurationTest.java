package com.kafkaledger.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessorConfigurationTest {

  @Test
  void acceptedLegKeysAreCommaSeparatedAndNoneWhenUnset() {
    assertThat(ProcessorConfiguration.commaSeparated("")).isEmpty();
    assertThat(ProcessorConfiguration.commaSeparated(" first-key , second-key,,"))
        .containsExactly("first-key", "second-key");
  }
}
