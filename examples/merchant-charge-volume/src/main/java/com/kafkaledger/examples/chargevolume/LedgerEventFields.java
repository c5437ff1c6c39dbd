package com.kafkaledger.examples.chargevolume;

import java.time.Instant;

/**
 * The fields of a {@code ledger.events} value this job needs, as {@code ledger-event.schema.json}
 * describes them. Every other field is ignored, and the enumerated fields are kept as strings, so
 * that fields and values the ledger adds later do not break the job.
 *
 * @param type what happened, e.g. {@code TRANSFER_CREDITED}
 * @param transactionType the transaction it belongs to, e.g. {@code CHARGE}
 * @param accountId the account the event is about; also the record key
 * @param amount minor units
 * @param currency ISO 4217 code, the account's one currency
 * @param occurredAt when the ledger applied it
 */
public record LedgerEventFields(String type, String transactionType, String accountId, Long amount,
    String currency, Instant occurredAt) {

  /** The merchant's side of a completed charge: the money arrived on the merchant's account. */
  public boolean completesACharge() {
    return "TRANSFER_CREDITED".equals(type) && "CHARGE".equals(transactionType) && amount != null;
  }
}
