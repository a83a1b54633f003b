-- An order's refunds, of every kind together, never exceed what the order was charged, and an
-- admin's manual refund (refund_manual, at most one per order by the (orderId, kind) unique) is
-- only for a final order that kept money: completed or partial. Failed and canceled orders are
-- already refunded in full, and an order still in flight could later get an automatic refund
-- that would stack on the manual one.
--
-- The trigger locks the order row first: every refund path already holds it (it moves the order
-- into its final state in the same transaction), so two refunds of one order queue here and the
-- second one's sum (a fresh snapshot per statement under READ COMMITTED) sees the first.
CREATE FUNCTION ledger_entry_refund_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  order_state "OrderState";
  charged numeric;
  refunded numeric;
BEGIN
  SELECT "state" INTO order_state FROM "Order" WHERE "id" = NEW."orderId" FOR UPDATE;
  IF NEW."kind" = 'refund_manual' AND order_state NOT IN ('completed', 'partial') THEN
    RAISE EXCEPTION 'refund_manual refused: order % is %, not completed or partial', NEW."orderId", order_state
      USING ERRCODE = 'check_violation';
  END IF;
  SELECT COALESCE(-SUM("amount") FILTER (WHERE "kind" = 'charge'), 0),
         COALESCE(SUM("amount") FILTER (WHERE "kind" IN ('refund_failed', 'refund_partial', 'refund_canceled', 'refund_manual')), 0)
    INTO charged, refunded
    FROM "LedgerEntry" WHERE "orderId" = NEW."orderId";
  IF refunded + NEW."amount" > charged THEN
    RAISE EXCEPTION 'refund refused: order % would be refunded % of a charge of %', NEW."orderId", refunded + NEW."amount", charged
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LedgerEntry_refund_limit" BEFORE INSERT ON "LedgerEntry"
  FOR EACH ROW WHEN (NEW."kind" IN ('refund_failed', 'refund_partial', 'refund_canceled', 'refund_manual'))
  EXECUTE FUNCTION ledger_entry_refund_limit();
