-- CreateTable
CREATE TABLE "OrderStateTransition" (
    "from" "OrderState" NOT NULL,
    "to" "OrderState" NOT NULL,

    CONSTRAINT "OrderStateTransition_pkey" PRIMARY KEY ("from","to")
);

-- The transition table of lib/orders/state-machine.ts (from → to; who and money stay in code).
INSERT INTO "OrderStateTransition" ("from", "to") VALUES
  ('pending_submit', 'pending'),
  ('pending_submit', 'failed'),
  ('pending_submit', 'unknown'),
  ('unknown', 'pending'),
  ('unknown', 'failed'),
  ('pending', 'in_progress'),
  ('in_progress', 'pending'),
  ('pending', 'completed'),
  ('in_progress', 'completed'),
  ('pending', 'partial'),
  ('in_progress', 'partial'),
  ('pending', 'canceled'),
  ('in_progress', 'canceled');

-- No order changes state in a way the table does not list: final states stay final whatever
-- code or SQL tries.
CREATE FUNCTION order_state_transition_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "OrderStateTransition" WHERE "from" = OLD.state AND "to" = NEW.state) THEN
    RAISE EXCEPTION 'order % may not move from % to %', OLD.id, OLD.state, NEW.state
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Order_state_transition" BEFORE UPDATE OF state ON "Order"
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION order_state_transition_allowed();

