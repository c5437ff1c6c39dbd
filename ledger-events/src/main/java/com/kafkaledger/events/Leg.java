package com.kafkaledger.events;

/**
 * Which part of a two-legged transaction (TRANSFER, CHARGE) a command is. The debit leg is keyed
 * by the source account, the credit leg by the destination, the reversal by the source again.
 */
public enum Leg {
  DEBIT,
  CREDIT,
  REVERSAL
}
