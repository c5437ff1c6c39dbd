-- The shared bench script shared/bench/pg/scripts/c_charge_fn.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- (c) hot-merchant charge as one round trip (merchant row updated last, right before commit)
\set cid random(2, 100000)
\set amt random(1, 1000)
SELECT charge(:cid, 1, :amt);
