-- CreateEnum
CREATE TYPE "PaymentReversalKind" AS ENUM ('refund', 'dispute');

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "reversalId" INTEGER;

-- CreateTable
CREATE TABLE "PaymentReversal" (
    "id" SERIAL NOT NULL,
    "paymentId" INTEGER NOT NULL,
    "eventKey" TEXT NOT NULL,
    "kind" "PaymentReversalKind" NOT NULL,
    "reported" DECIMAL(20,6) NOT NULL,
    "amount" DECIMAL(20,6) NOT NULL,
    "totalAfter" DECIMAL(20,6) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentReversal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentReversal_paymentId_eventKey_key" ON "PaymentReversal"("paymentId", "eventKey");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversalId_fkey" FOREIGN KEY ("reversalId") REFERENCES "PaymentReversal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentReversal" ADD CONSTRAINT "PaymentReversal_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: each refund or dispute report is taken back once, and never more than the
-- payment credited, whatever the code does (replayed or concurrent callbacks, racing admins).
-- ---------------------------------------------------------------------------

ALTER TABLE "PaymentReversal" ADD CONSTRAINT "PaymentReversal_amounts" CHECK (
  "reported" >= 0 AND "amount" >= 0 AND "totalAfter" >= "amount" AND length("eventKey") BETWEEN 1 AND 200
);

-- Payments charged back before this migration had one chargeback: it becomes their one report.
INSERT INTO "PaymentReversal" ("paymentId", "eventKey", "kind", "reported", "amount", "totalAfter", "createdAt")
SELECT p.id, 'before-reversals',
       CASE WHEN p."reportedStatus" IN ('refunded', 'refund_paid') THEN 'refund'::"PaymentReversalKind" ELSE 'dispute'::"PaymentReversalKind" END,
       round(p."payAmount" * p."chargebackAmount" / (p."creditedAmount" + COALESCE(p."creditedBonus", 0)), 6),
       p."chargebackAmount", p."chargebackAmount", p."updatedAt"
FROM "Payment" p
WHERE p.state = 'charged_back' AND p."chargebackAmount" IS NOT NULL;

ALTER TABLE "LedgerEntry" DISABLE TRIGGER "LedgerEntry_no_update";
UPDATE "LedgerEntry" e SET "reversalId" = r.id
FROM "PaymentReversal" r
WHERE e.kind = 'chargeback' AND r."paymentId" = e."paymentId" AND r."eventKey" = 'before-reversals';
ALTER TABLE "LedgerEntry" ENABLE TRIGGER "LedgerEntry_no_update";

-- One chargeback entry per report (was: per payment), and every chargeback names its report.
DROP INDEX "LedgerEntry_one_chargeback_per_payment";
CREATE UNIQUE INDEX "LedgerEntry_one_chargeback_per_reversal" ON "LedgerEntry"("reversalId") WHERE "kind" = 'chargeback';
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_chargeback_names_reversal" CHECK (
  ("kind" = 'chargeback') = ("reversalId" IS NOT NULL)
);

-- A report's running total continues the payment's previous one and stays within what the payment
-- credited (deposit + bonus); the payment row is locked so that two reports queue.
CREATE FUNCTION payment_reversal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  credited numeric;
  state text;
  before numeric;
BEGIN
  SELECT p."creditedAmount" + COALESCE(p."creditedBonus", 0), p.state::text INTO credited, state
  FROM "Payment" p WHERE p.id = NEW."paymentId" FOR UPDATE;
  IF state IS NULL OR state NOT IN ('paid', 'charged_back') OR credited IS NULL THEN
    RAISE EXCEPTION 'PaymentReversal for payment % which is not credited (%)', NEW."paymentId", state;
  END IF;
  SELECT COALESCE(SUM(amount), 0) INTO before FROM "PaymentReversal" WHERE "paymentId" = NEW."paymentId";
  IF NEW."totalAfter" <> before + NEW.amount OR NEW."totalAfter" > credited THEN
    RAISE EXCEPTION 'PaymentReversal for payment %: total % after % taken of % credited', NEW."paymentId", NEW."totalAfter", before, credited;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "PaymentReversal_guard" BEFORE INSERT ON "PaymentReversal"
  FOR EACH ROW EXECUTE FUNCTION payment_reversal_guard();

-- A chargeback entry takes back exactly its report's amount, from that report's payment.
CREATE FUNCTION ledger_chargeback_matches_reversal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
BEGIN
  SELECT "paymentId", amount INTO r FROM "PaymentReversal" WHERE id = NEW."reversalId";
  IF r IS NULL OR r."paymentId" IS DISTINCT FROM NEW."paymentId" OR NEW.amount <> -r.amount THEN
    RAISE EXCEPTION 'chargeback entry % for reversal % does not match it', NEW.amount, NEW."reversalId";
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LedgerEntry_chargeback_matches_reversal" BEFORE INSERT ON "LedgerEntry"
  FOR EACH ROW WHEN (NEW.kind = 'chargeback') EXECUTE FUNCTION ledger_chargeback_matches_reversal();

-- Reports are append-only, like the ledger.
CREATE FUNCTION payment_reversal_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PaymentReversal rows are append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "PaymentReversal_no_update" BEFORE UPDATE OR DELETE ON "PaymentReversal"
  FOR EACH ROW EXECUTE FUNCTION payment_reversal_immutable();
CREATE TRIGGER "PaymentReversal_no_truncate" BEFORE TRUNCATE ON "PaymentReversal"
  FOR EACH STATEMENT EXECUTE FUNCTION payment_reversal_immutable();
