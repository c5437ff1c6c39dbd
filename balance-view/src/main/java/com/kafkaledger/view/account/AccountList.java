package com.kafkaledger.view.account;

import java.util.List;

/** An owner's accounts; an object rather than a bare array, so that fields can be added. */
record AccountList(List<AccountView> accounts) {}
