package com.kafkaledger.localcluster;

/** The cluster could not be brought up; the message says what and shows the relevant log. */
public final class StartupFailure extends Exception {

  StartupFailure(String message) {
    super(message);
  }

  StartupFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
