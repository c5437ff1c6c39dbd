-- The shared bench script shared/bench/pg/scripts/t_transfer.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- (t) transfer between two random distinct accounts, app style: lock both rows in id order,
-- check the source balance, debit, credit, 2 history rows, COMMIT.  8 round trips, 1 transaction.
\set a random(1, 100000)
\set b (:a + random(0, 99998)) % 100000 + 1
\set amt random(1, 1000)
\set negamt -1 * :amt
\set lo least(:a, :b)
\set hi greatest(:a, :b)
BEGIN;
SELECT balance AS bal_lo FROM accounts WHERE id = :lo FOR UPDATE \gset
SELECT balance AS bal_hi FROM accounts WHERE id = :hi FOR UPDATE \gset
\set srcbal CASE WHEN :a = :lo THEN :bal_lo ELSE :bal_hi END
\if :srcbal >= :amt
UPDATE accounts SET balance = balance - :amt WHERE id = :a;
UPDATE accounts SET balance = balance + :amt WHERE id = :b;
INSERT INTO history (account_id, amount, ok) VALUES (:a, :negamt, true);
INSERT INTO history (account_id, amount, ok) VALUES (:b, :amt, true);
\else
INSERT INTO history (account_id, amount, ok) VALUES (:a, :negamt, false);
\endif
COMMIT;
