-- CreateTable
CREATE TABLE "PaymentStateTransition" (
    "from" "PaymentState" NOT NULL,
    "to" "PaymentState" NOT NULL,

    CONSTRAINT "PaymentStateTransition_pkey" PRIMARY KEY ("from","to")
);

-- CreateTable
CREATE TABLE "RefillStateTransition" (
    "from" "RefillState" NOT NULL,
    "to" "RefillState" NOT NULL,

    CONSTRAINT "RefillStateTransition_pkey" PRIMARY KEY ("from","to")
);

-- The transition tables of lib/payments/payment-states.ts and lib/refills/refill-states.ts
-- (from → to; who and money stay in code; tests keep both equal).
INSERT INTO "PaymentStateTransition" ("from", "to") VALUES
  ('waiting', 'failed'),
  ('waiting', 'expired'),
  ('waiting', 'canceled'),
  ('waiting', 'paid'),
  ('waiting', 'flagged'),
  ('failed', 'flagged'),
  ('expired', 'flagged'),
  ('canceled', 'flagged'),
  ('flagged', 'paid'),
  ('waiting', 'rejected'),
  ('flagged', 'rejected'),
  ('paid', 'charged_back'),
  ('charged_back', 'charged_back');

INSERT INTO "RefillStateTransition" ("from", "to") VALUES
  ('pending_submit', 'pending'),
  ('pending_submit', 'failed'),
  ('pending_submit', 'unknown'),
  ('pending', 'in_progress'),
  ('in_progress', 'pending'),
  ('pending', 'completed'),
  ('in_progress', 'completed'),
  ('pending', 'rejected'),
  ('in_progress', 'rejected');

-- No payment or refill changes state in a way its table does not list, whatever code or SQL tries.
CREATE FUNCTION payment_state_transition_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "PaymentStateTransition" WHERE "from" = OLD.state AND "to" = NEW.state) THEN
    RAISE EXCEPTION 'payment % may not move from % to %', OLD.id, OLD.state, NEW.state
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Payment_state_transition" BEFORE UPDATE OF state ON "Payment"
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION payment_state_transition_allowed();

CREATE FUNCTION refill_state_transition_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "RefillStateTransition" WHERE "from" = OLD.state AND "to" = NEW.state) THEN
    RAISE EXCEPTION 'refill % may not move from % to %', OLD.id, OLD.state, NEW.state
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Refill_state_transition" BEFORE UPDATE OF state ON "Refill"
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION refill_state_transition_allowed();

-- The ledger is a chain per customer: each entry's balanceAfter is the previous entry's plus its
-- amount (zero before the first). One index lookup on ("userId", id) per insert. Rows inserted
-- earlier by the same statement (a batch of refunds, in order) are visible here.
CREATE FUNCTION ledger_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous numeric;
BEGIN
  SELECT "balanceAfter" INTO previous FROM "LedgerEntry" WHERE "userId" = NEW."userId" ORDER BY id DESC LIMIT 1;
  IF NEW."balanceAfter" <> COALESCE(previous, 0) + NEW."amount" THEN
    RAISE EXCEPTION 'ledger entry for user % refused: balanceAfter % is not the previous % plus %',
      NEW."userId", NEW."balanceAfter", COALESCE(previous, 0), NEW."amount"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LedgerEntry_chain" BEFORE INSERT ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_chain();

-- A balance is what its ledger says: when a transaction commits, every customer whose balance
-- or ledger it touched has balance = the balanceAfter of their last entry. A balance written
-- behind the ledger's back (or an entry without its balance change) is refused.
CREATE FUNCTION user_balance_is_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  customer int;
  current numeric;
  last_after numeric;
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    customer := NEW.id;
  ELSE
    customer := NEW."userId";
  END IF;
  SELECT balance INTO current FROM "User" WHERE id = customer;
  SELECT "balanceAfter" INTO last_after FROM "LedgerEntry" WHERE "userId" = customer ORDER BY id DESC LIMIT 1;
  IF current IS DISTINCT FROM COALESCE(last_after, 0) THEN
    RAISE EXCEPTION 'balance of user % is % but its last ledger entry says %', customer, current, COALESCE(last_after, 0)
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "User_balance_is_ledger" AFTER UPDATE OF balance ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.balance IS DISTINCT FROM NEW.balance)
  EXECUTE FUNCTION user_balance_is_ledger();
CREATE CONSTRAINT TRIGGER "User_new_balance_is_ledger" AFTER INSERT ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.balance <> 0)
  EXECUTE FUNCTION user_balance_is_ledger();
CREATE CONSTRAINT TRIGGER "LedgerEntry_balance_is_ledger" AFTER INSERT ON "LedgerEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION user_balance_is_ledger();

-- For statements that must fail whole when something they wrote does not add up (moveOrders:
-- every refund of the orders it moved has its ledger entry).
CREATE FUNCTION money_assert(ok boolean, message text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION '%', message USING ERRCODE = 'check_violation';
  END IF;
  RETURN true;
END;
$$;
