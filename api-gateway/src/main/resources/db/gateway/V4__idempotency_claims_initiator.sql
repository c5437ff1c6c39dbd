-- Who claimed each keyed transaction id, so that only its submitter's status read at another
-- instance waits for the view; anyone else gets 404 at once, which does not tell that the id exists.
-- Null for the claims of instances older than this column: those wait for anyone, as they did.

-- The change itself is instant, but it waits for the table's lock, and every claim would queue
-- behind it: better that this start fails (and is tried again) than that keyed submissions stall.
SET LOCAL lock_timeout = '3s';
ALTER TABLE idempotency_claims ADD COLUMN initiator_id text;
