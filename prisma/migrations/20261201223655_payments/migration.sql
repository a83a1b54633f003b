-- CreateEnum
CREATE TYPE "PaymentGateway" AS ENUM ('stripe', 'cryptomus', 'manual');

-- CreateEnum
CREATE TYPE "PaymentState" AS ENUM ('waiting', 'paid', 'failed', 'expired', 'canceled', 'rejected', 'flagged', 'charged_back');

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "paymentId" INTEGER;

-- CreateTable
CREATE TABLE "PaymentMethod" (
    "id" SERIAL NOT NULL,
    "gateway" "PaymentGateway" NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "currency" TEXT NOT NULL,
    "exchangeRate" DECIMAL(20,10) NOT NULL DEFAULT 1,
    "minAmount" DECIMAL(20,6) NOT NULL,
    "maxAmount" DECIMAL(20,6) NOT NULL,
    "feePercent" DECIMAL(7,4) NOT NULL DEFAULT 0,
    "instructions" TEXT,
    "settingsEncrypted" TEXT,
    "settingsHint" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PaymentMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BonusRule" (
    "id" SERIAL NOT NULL,
    "methodId" INTEGER NOT NULL,
    "minAmount" DECIMAL(20,6) NOT NULL,
    "percent" DECIMAL(7,4) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BonusRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "methodId" INTEGER NOT NULL,
    "gateway" "PaymentGateway" NOT NULL,
    "state" "PaymentState" NOT NULL DEFAULT 'waiting',
    "amount" DECIMAL(20,6) NOT NULL,
    "fee" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "payAmount" DECIMAL(20,6) NOT NULL,
    "currency" TEXT NOT NULL,
    "creditAmount" DECIMAL(20,6) NOT NULL,
    "bonusPercent" DECIMAL(7,4) NOT NULL DEFAULT 0,
    "bonusAmount" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "creditedAmount" DECIMAL(20,6),
    "creditedBonus" DECIMAL(20,6),
    "externalId" TEXT,
    "externalRef" TEXT,
    "redirectUrl" TEXT,
    "reference" TEXT,
    "reportedStatus" TEXT,
    "reportedAmount" TEXT,
    "reportedCurrency" TEXT,
    "flag" TEXT,
    "reviewedById" INTEGER,
    "reviewReason" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "chargebackAmount" DECIMAL(20,6),
    "expiresAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentEvent" (
    "id" BIGSERIAL NOT NULL,
    "paymentId" INTEGER,
    "gateway" "PaymentGateway" NOT NULL,
    "externalEventId" TEXT,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "message" TEXT,
    "payload" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaymentMethod_name_key" ON "PaymentMethod"("name");

-- CreateIndex
CREATE UNIQUE INDEX "BonusRule_methodId_minAmount_key" ON "BonusRule"("methodId", "minAmount");

-- CreateIndex
CREATE INDEX "Payment_userId_id_idx" ON "Payment"("userId", "id");

-- CreateIndex
CREATE INDEX "Payment_state_id_idx" ON "Payment"("state", "id");

-- CreateIndex
CREATE INDEX "Payment_createdAt_idx" ON "Payment"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_gateway_externalId_key" ON "Payment"("gateway", "externalId");

-- CreateIndex
CREATE INDEX "PaymentEvent_paymentId_id_idx" ON "PaymentEvent"("paymentId", "id");

-- CreateIndex
CREATE INDEX "PaymentEvent_outcome_id_idx" ON "PaymentEvent"("outcome", "id");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BonusRule" ADD CONSTRAINT "BonusRule_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "PaymentMethod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "PaymentMethod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentEvent" ADD CONSTRAINT "PaymentEvent_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: the payment money rules the database itself enforces.
-- ---------------------------------------------------------------------------

-- A payment is credited at most once, its bonus at most once, and reversed at most once,
-- whatever the code does (replayed or concurrent callbacks, racing approvals).
CREATE UNIQUE INDEX "LedgerEntry_one_deposit_per_payment" ON "LedgerEntry"("paymentId") WHERE "kind" = 'deposit';
CREATE UNIQUE INDEX "LedgerEntry_one_bonus_per_payment" ON "LedgerEntry"("paymentId") WHERE "kind" = 'bonus';
CREATE UNIQUE INDEX "LedgerEntry_one_chargeback_per_payment" ON "LedgerEntry"("paymentId") WHERE "kind" = 'chargeback';
CREATE INDEX "LedgerEntry_paymentId_idx" ON "LedgerEntry"("paymentId") WHERE "paymentId" IS NOT NULL;

-- Money from payments always names its payment, and only payment kinds name one.
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_payment_entries_have_payment" CHECK (
  ("kind" IN ('deposit', 'bonus', 'chargeback')) = ("paymentId" IS NOT NULL)
);

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amounts_positive" CHECK (
  "amount" > 0 AND "fee" >= 0 AND "payAmount" = "amount" + "fee" AND "creditAmount" > 0
  AND "bonusAmount" >= 0 AND "bonusPercent" >= 0
  AND ("creditedAmount" IS NULL OR "creditedAmount" > 0)
  AND ("creditedBonus" IS NULL OR "creditedBonus" >= 0)
  AND ("chargebackAmount" IS NULL OR "chargebackAmount" > 0)
);
-- Credited states carry what was credited; the others never do.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_credited_states" CHECK (
  ("state" IN ('paid', 'charged_back')) = ("creditedAmount" IS NOT NULL)
);
ALTER TABLE "PaymentMethod" ADD CONSTRAINT "PaymentMethod_limits" CHECK (
  "minAmount" > 0 AND "maxAmount" >= "minAmount" AND "exchangeRate" > 0 AND "feePercent" >= 0 AND "feePercent" < 100
);
ALTER TABLE "BonusRule" ADD CONSTRAINT "BonusRule_positive" CHECK ("minAmount" > 0 AND "percent" > 0 AND "percent" <= 100);
