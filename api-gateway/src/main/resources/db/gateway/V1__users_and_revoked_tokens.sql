-- The gateway's own tables, in schema "gateway": who may sign in, and which tokens were logged out.
-- Nothing on the submit path writes here.

CREATE TABLE users (
    user_id       uuid        PRIMARY KEY,
    email         text        NOT NULL UNIQUE,  -- stored lower-cased
    password_hash text        NOT NULL,         -- BCrypt, salted and slow
    role          text        NOT NULL,         -- CUSTOMER, MERCHANT or OPERATOR
    display_name  text        NOT NULL,
    created_at    timestamptz NOT NULL
);

-- A logged-out token is refused by every gateway instance until it would have expired anyway.
CREATE TABLE revoked_tokens (
    token_id   text        PRIMARY KEY,  -- the JWT's jti
    expires_at timestamptz NOT NULL
);

CREATE INDEX revoked_tokens_expires_at ON revoked_tokens (expires_at);
