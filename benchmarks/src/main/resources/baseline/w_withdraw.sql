-- The shared bench script shared/bench/pg/scripts/w_withdraw.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- (w) uniform withdraw, app style (what a @Transactional JDBC/JPA service does):
-- BEGIN; lock the row; check; debit; history row; COMMIT.  5 round trips, 1 transaction.
\set aid random(1, 100000)
\set amt random(1, 1000)
\set negamt -1 * :amt
BEGIN;
SELECT balance FROM accounts WHERE id = :aid FOR UPDATE \gset
\if :balance >= :amt
UPDATE accounts SET balance = balance - :amt WHERE id = :aid;
INSERT INTO history (account_id, amount, ok) VALUES (:aid, :negamt, true);
\else
INSERT INTO history (account_id, amount, ok) VALUES (:aid, :negamt, false);
\endif
COMMIT;
