package com.kafkaledger.view.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class InternalTokenFilterTest {

  private final WebApplicationContextRunner context =
      new WebApplicationContextRunner().withUserConfiguration(InternalTokenFilter.class);

  @Test
  void withoutTheSecretTheViewRefusesToStartAndSaysWhy() {
    context.run(started -> assertThat(started).hasFailed().getFailure()
        .rootCause().hasMessageContaining("ledger.view.internal-token").hasMessageContaining("LEDGER_INTERNAL_TOKEN"));
    context.withPropertyValues("ledger.view.internal-token=  ")
        .run(started -> assertThat(started).hasFailed());
  }

  @Test
  void withTheSecretTheFilterIsThere() {
    context.withPropertyValues("ledger.view.internal-token=s3cret")
        .run(started -> assertThat(started).hasNotFailed().hasSingleBean(InternalTokenFilter.class));
  }
}
