package com.kafkaledger.processor.stream;

/** Every topology test again, with the accounts in RocksDB (LEDGER_ACCOUNTS_IN_MEMORY=false). */
class LedgerTopologyRocksDbAccountsTest extends LedgerTopologyTest {

  @Override
  boolean accountsInMemory() {
    return false;
  }
}
