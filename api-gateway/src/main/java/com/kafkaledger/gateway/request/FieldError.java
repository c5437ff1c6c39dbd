package com.kafkaledger.gateway.request;

/** One thing wrong with a request, naming the field (or header, or parameter) at fault. */
public record FieldError(String field, String message) {}
