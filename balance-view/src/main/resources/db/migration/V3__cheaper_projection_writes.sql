-- Two cuts to the projection's writes, the busiest work of the pipeline's PostgreSQL.

-- A replayed event has the same (account_id, sequence) as its first copy, so the primary key alone
-- makes its history row insert nothing. The unique index on event_id cost every history row one
-- more conflict probe and one more insert into a b-tree of random keys.
ALTER TABLE account_entries DROP CONSTRAINT account_entries_event_id_key;

-- A transaction's row is inserted PENDING and then updated once per outcome event (twice for a
-- transfer or a charge). In pages filled to the brim nine in ten of those updates moved the row to
-- another page, with a new entry in the primary key's index each time. With half of each page left
-- free, the new version fits beside the old one (a HOT update: no index entry, the old version
-- reclaimed when the page is next read).
ALTER TABLE transactions SET (fillfactor = 50);
