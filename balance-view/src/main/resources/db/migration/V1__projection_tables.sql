-- The read model projected from ledger.events (and ledger.commands for PENDING transactions).
-- Every table can be rebuilt by replaying the topics from the start into an empty database.

CREATE TABLE accounts (
    account_id      uuid        PRIMARY KEY,
    owner_id        text,
    kind            text        NOT NULL,  -- CUSTOMER or SYSTEM (per-currency outside world)
    currency        char(3)     NOT NULL,
    balance         bigint      NOT NULL,  -- minor units
    overdraft_limit bigint      NOT NULL DEFAULT 0,
    status          text        NOT NULL,  -- OPEN
    version         bigint      NOT NULL,  -- last applied sequence; movements applied for SYSTEM
    opened_at       timestamptz,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX accounts_owner_id ON accounts (owner_id);

-- One row per event with a sequence: the account's history, rejected attempts included.
-- The primary key is what makes the projection idempotent.
CREATE TABLE account_entries (
    account_id              uuid,
    sequence                bigint,
    event_id                uuid        NOT NULL UNIQUE,
    transaction_id          uuid        NOT NULL,
    transaction_type        text,
    event_type              text,
    status                  text,       -- COMPLETED or REJECTED
    reason                  text,
    amount                  bigint,
    currency                char(3),
    balance_after           bigint,
    counterparty_account_id uuid,
    description             text,
    occurred_at             timestamptz,
    PRIMARY KEY (account_id, sequence)
);

CREATE INDEX account_entries_account_occurred_at ON account_entries (account_id, occurred_at);

CREATE TABLE transactions (
    transaction_id  uuid PRIMARY KEY,
    type            text,   -- OPEN_ACCOUNT, DEPOSIT, WITHDRAWAL
    status          text,   -- PENDING, COMPLETED, REJECTED
    reason          text,
    amount          bigint,
    currency        char(3),
    from_account_id uuid,
    to_account_id   uuid,
    description     text,
    initiator_id    text,
    fingerprint     text,   -- digest of the request body, for the gateway's idempotency check
    created_at      timestamptz,
    completed_at    timestamptz
);

-- Where the projection is in each partition; written in the same transaction as the rows,
-- so the database, not the consumer group, decides where to resume.
CREATE TABLE projection_offsets (
    topic       text,
    partition   int,
    next_offset bigint NOT NULL,
    PRIMARY KEY (topic, partition)
);
