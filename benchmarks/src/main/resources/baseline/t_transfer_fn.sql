-- The shared bench script shared/bench/pg/scripts/t_transfer_fn.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- (t) transfer as one round trip (rows locked in id order inside the function)
\set a random(1, 100000)
\set b (:a + random(0, 99998)) % 100000 + 1
\set amt random(1, 1000)
SELECT transfer(:a, :b, :amt);
