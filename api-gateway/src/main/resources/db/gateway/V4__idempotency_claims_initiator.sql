-- Who claimed each keyed transaction id, so that only its submitter's status read at another
-- instance waits for the view; anyone else gets 404 at once, which does not tell that the id exists.
-- Null for the claims of instances older than this column: those wait for anyone, as they did.
ALTER TABLE idempotency_claims ADD COLUMN initiator_id text;
