-- The request each keyed transaction id was first submitted with, shared by every gateway
-- instance. The view learns of a submission tens of milliseconds after its 202; until then only
-- this table tells another instance that a different body under the same Idempotency-Key is a
-- reuse (422), not a new movement.
CREATE TABLE idempotency_claims (
    transaction_id uuid        PRIMARY KEY,  -- derived from (caller, Idempotency-Key)
    fingerprint    bytea       NOT NULL,     -- SHA-256 of the request
    claimed_at     timestamptz NOT NULL DEFAULT now()
);

-- For the clean-up of the expired claims. (A BRIN index would cost less per insert, but new rows
-- reuse the room of deleted ones, so the pages stop following time and it would cover everything.)
CREATE INDEX idempotency_claims_claimed_at ON idempotency_claims (claimed_at);
