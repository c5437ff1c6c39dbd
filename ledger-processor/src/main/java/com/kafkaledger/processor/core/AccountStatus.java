package com.kafkaledger.processor.core;

public enum AccountStatus {
  OPEN,
  CLOSED
}
