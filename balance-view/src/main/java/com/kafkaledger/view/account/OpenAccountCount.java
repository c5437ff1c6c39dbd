package com.kafkaledger.view.account;

/**
 * How many accounts an owner has that are not closed, and whether one of them is a merchant's.
 *
 * @param open accounts not CLOSED
 * @param merchant whether one of them is a MERCHANT account
 */
record OpenAccountCount(int open, boolean merchant) {}
