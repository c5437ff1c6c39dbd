-- Transfers, charges, merchants and the operators' reconciliation.
-- accounts.kind now also holds MERCHANT and TRANSIT (money between the two legs of a transfer);
-- accounts.status also CLOSED; transactions.type also TRANSFER, CHARGE, CLOSE_ACCOUNT and
-- SET_OVERDRAFT_LIMIT.

-- How many records of the partition the projection has read (skipped ones included), counted in
-- the transaction that stores next_offset, so exactly once. For ledger.events it is compared with
-- the events the ledger says the partition emitted, to tell whether the view has caught up.
ALTER TABLE projection_offsets ADD COLUMN records_projected bigint NOT NULL DEFAULT 0;

-- The ledger's own running totals per partition and currency, read from ledger.totals: the
-- other side of the reconciliation. Replaced only by a record with more events (or as many and
-- later), so an old record read late never undoes a newer one.
CREATE TABLE ledger_totals (
    partition int,
    currency  char(3),
    accounts  bigint      NOT NULL,  -- customer and merchant balances
    transit   bigint      NOT NULL,  -- money in flight between two legs
    system    bigint      NOT NULL,  -- the outside world's side of deposits and withdrawals
    events    bigint      NOT NULL,  -- events the partition had emitted (all currencies)
    as_of     timestamptz NOT NULL,
    PRIMARY KEY (partition, currency)
);
