-- The shared bench script shared/bench/pg/scripts/c_charge.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- (c) hot-merchant charge, app style: debit a random customer, credit merchant account 1, 2 history rows.
-- Every transaction updates (locks) account 1 and holds that lock until COMMIT has been flushed.
-- Lock order is always customer (id >= 2) then merchant (id 1), so no deadlocks.
\set cid random(2, 100000)
\set amt random(1, 1000)
\set negamt -1 * :amt
BEGIN;
SELECT balance FROM accounts WHERE id = :cid FOR UPDATE \gset
\if :balance >= :amt
UPDATE accounts SET balance = balance - :amt WHERE id = :cid;
UPDATE accounts SET balance = balance + :amt WHERE id = 1;
INSERT INTO history (account_id, amount, ok) VALUES (:cid, :negamt, true);
INSERT INTO history (account_id, amount, ok) VALUES (1, :amt, true);
\else
INSERT INTO history (account_id, amount, ok) VALUES (:cid, :negamt, false);
\endif
COMMIT;
