-- The shared bench script shared/bench/pg/scripts/w_withdraw_fn.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- (w) uniform withdraw as one round trip (plpgsql function = one transaction)
\set aid random(1, 100000)
\set amt random(1, 1000)
SELECT withdraw(:aid, :amt);
