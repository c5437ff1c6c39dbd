-- Each gateway instance keeps the logged-out tokens in memory and reads only the rows written
-- since its last look (with a margin), instead of asking the table on every request.
ALTER TABLE revoked_tokens ADD COLUMN revoked_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX revoked_tokens_revoked_at ON revoked_tokens (revoked_at);
