-- The shared bench script shared/bench/pg/schema.sql, copied unchanged below this line; the benchmark reads its SQL from here.
-- Baseline schema for the synchronous "one SQL transaction per money movement" designs.
CREATE TABLE accounts (
  id      bigint PRIMARY KEY,
  balance bigint NOT NULL CHECK (balance >= 0)
);
CREATE TABLE history (
  id         bigserial PRIMARY KEY,
  account_id bigint,
  amount     bigint,
  ok         boolean,
  created_at timestamptz DEFAULT now()
);
CREATE INDEX history_account_created_idx ON history (account_id, created_at);

INSERT INTO accounts (id, balance) SELECT g, 1000000 FROM generate_series(1, 100000) g;

-- "Stored procedure" variants: the same money movements as one round trip (SELECT fn(...)),
-- still one SQL transaction with row locks.
CREATE FUNCTION withdraw(p_aid bigint, p_amt bigint) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE v_ok boolean;
BEGIN
  UPDATE accounts SET balance = balance - p_amt WHERE id = p_aid AND balance >= p_amt;
  v_ok := FOUND;
  INSERT INTO history (account_id, amount, ok) VALUES (p_aid, -p_amt, v_ok);
  RETURN v_ok;
END $$;

-- customer debited first, merchant (hot row) credited LAST so its row lock is held for the shortest time
CREATE FUNCTION charge(p_cust bigint, p_merchant bigint, p_amt bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts SET balance = balance - p_amt WHERE id = p_cust AND balance >= p_amt;
  IF NOT FOUND THEN
    INSERT INTO history (account_id, amount, ok) VALUES (p_cust, -p_amt, false);
    RETURN false;
  END IF;
  INSERT INTO history (account_id, amount, ok) VALUES (p_cust, -p_amt, true), (p_merchant, p_amt, true);
  UPDATE accounts SET balance = balance + p_amt WHERE id = p_merchant;
  RETURN true;
END $$;

CREATE FUNCTION transfer(p_from bigint, p_to bigint, p_amt bigint) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE v_bal bigint;
BEGIN
  PERFORM 1 FROM accounts WHERE id IN (p_from, p_to) ORDER BY id FOR UPDATE;   -- lock both in id order
  SELECT balance INTO v_bal FROM accounts WHERE id = p_from;
  IF v_bal < p_amt THEN
    INSERT INTO history (account_id, amount, ok) VALUES (p_from, -p_amt, false);
    RETURN false;
  END IF;
  UPDATE accounts SET balance = balance - p_amt WHERE id = p_from;
  UPDATE accounts SET balance = balance + p_amt WHERE id = p_to;
  INSERT INTO history (account_id, amount, ok) VALUES (p_from, -p_amt, true), (p_to, p_amt, true);
  RETURN true;
END $$;

VACUUM ANALYZE accounts;
