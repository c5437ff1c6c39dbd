package com.kafkaledger.gateway.transaction;

/** This instance is reading and submitting as many batches as it may at once: answered 503. */
public class BatchesBusyException extends RuntimeException {

  BatchesBusyException(int inProgress) {
    super("this gateway instance is already handling " + inProgress + " batches, the most it takes at once;"
        + " nothing of this one was read or published");
  }
}
