-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "moveBy" TEXT,
ADD COLUMN     "reconcileCandidates" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "OrderStateTransition" ADD COLUMN     "by" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "reconcileLeaseOwner" TEXT,
ADD COLUMN     "reconcileLeaseUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "UpstreamOrphan" (
    "id" SERIAL NOT NULL,
    "providerId" INTEGER NOT NULL,
    "kind" "OrderKind" NOT NULL,
    "upstreamOrderId" TEXT NOT NULL,
    "upstreamStatus" TEXT NOT NULL,
    "upstreamCharge" DECIMAL(20,8),
    "cost" DECIMAL(20,6),
    "note" TEXT NOT NULL,
    "foundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UpstreamOrphan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UpstreamOrphan_providerId_kind_upstreamOrderId_key" ON "UpstreamOrphan"("providerId", "kind", "upstreamOrderId");

-- AddForeignKey
ALTER TABLE "UpstreamOrphan" ADD CONSTRAINT "UpstreamOrphan_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Who may make each move, as lib/orders/state-machine.ts lists it (a test keeps the two equal);
-- the reconciler settles unknown orders from the provider's own records.
UPDATE "OrderStateTransition" SET "by" = CASE
  WHEN "from" = 'pending_submit' AND "to" = 'unknown' THEN ARRAY['placement', 'worker', 'expiry']
  WHEN "from" = 'pending_submit' THEN ARRAY['placement', 'worker']
  WHEN "from" = 'unknown' THEN ARRAY['placement', 'worker', 'staff', 'reconciler']
  ELSE ARRAY['worker']
END;
ALTER TABLE "OrderStateTransition" ALTER COLUMN "by" SET NOT NULL;

-- The state trigger now also checks who moves: moveOrders writes "moveBy" with a change of state,
-- and the trigger clears it, so it is null at rest and a change of state that does not name its
-- actor (any SQL but moveOrders') is refused. It also runs whenever "moveBy" is written without a
-- change of state, to clear it: an actor is never left behind for a later statement to borrow.
DROP TRIGGER "Order_state_transition" ON "Order";
CREATE OR REPLACE FUNCTION order_state_transition_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state IS DISTINCT FROM NEW.state AND NOT EXISTS (
    SELECT 1 FROM "OrderStateTransition" WHERE "from" = OLD.state AND "to" = NEW.state AND NEW."moveBy" = ANY("by")
  ) THEN
    RAISE EXCEPTION 'order % may not move from % to % by %', OLD.id, OLD.state, NEW.state, coalesce(NEW."moveBy", 'an unnamed actor')
      USING ERRCODE = 'check_violation';
  END IF;
  NEW."moveBy" := NULL;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Order_state_transition" BEFORE UPDATE OF state, "moveBy" ON "Order"
  FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR NEW."moveBy" IS NOT NULL) EXECUTE FUNCTION order_state_transition_allowed();
