package com.kafkaledger.view.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the projection.
 *
 * @param retryInitialInterval first wait before a batch the database refused is tried again
 * @param retryMaxInterval the longest wait between two tries; a batch is tried until it is stored
 * @param kafkaHealthTimeout how long the readiness check waits for the broker to answer
 */
@ConfigurationProperties("balance-view.projection")
record ProjectionSettings(
    @DefaultValue("500ms") Duration retryInitialInterval,
    @DefaultValue("10s") Duration retryMaxInterval,
    @DefaultValue("2s") Duration kafkaHealthTimeout) {}
