-- Affiliates (issue 25): referral codes, referrals, visits, commissions of referred customers'
-- deposits (one per payment) and payouts of commission, with the money rules the database keeps.
-- CreateEnum
CREATE TYPE "ReferralState" AS ENUM ('active', 'held', 'rejected');

-- CreateEnum
CREATE TYPE "AffiliateCommissionState" AS ENUM ('earned', 'held', 'voided');

-- CreateEnum
CREATE TYPE "AffiliatePayoutKind" AS ENUM ('balance', 'withdrawal');

-- CreateEnum
CREATE TYPE "AffiliatePayoutState" AS ENUM ('requested', 'paid', 'rejected');

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "affiliatePayoutId" INTEGER;

-- Every account's referral code, made by the database (existing accounts get theirs here): 10 hex
-- digits, unique (the unique index below).
CREATE FUNCTION new_referral_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT substr(md5(random()::text || clock_timestamp()::text), 1, 10)
$$;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "affiliatePercent" DECIMAL(7,4),
ADD COLUMN     "referralCode" TEXT NOT NULL DEFAULT new_referral_code(),
ADD COLUMN     "signUpDevice" TEXT,
ADD COLUMN     "signUpIp" TEXT;

-- CreateTable
CREATE TABLE "Referral" (
    "id" SERIAL NOT NULL,
    "affiliateId" INTEGER NOT NULL,
    "referredId" INTEGER NOT NULL,
    "state" "ReferralState" NOT NULL DEFAULT 'active',
    "holdReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffiliateVisit" (
    "id" BIGSERIAL NOT NULL,
    "affiliateId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AffiliateVisit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffiliateCommission" (
    "id" SERIAL NOT NULL,
    "affiliateId" INTEGER NOT NULL,
    "referredId" INTEGER NOT NULL,
    "paymentId" INTEGER NOT NULL,
    "deposit" DECIMAL(20,6) NOT NULL,
    "percent" DECIMAL(7,4) NOT NULL,
    "amount" DECIMAL(20,6) NOT NULL,
    "takenBack" DECIMAL(20,6) NOT NULL DEFAULT 0,
    "state" "AffiliateCommissionState" NOT NULL DEFAULT 'earned',
    "voidReason" TEXT,
    "voidedById" INTEGER,
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AffiliateCommission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffiliatePayout" (
    "id" SERIAL NOT NULL,
    "affiliateId" INTEGER NOT NULL,
    "kind" "AffiliatePayoutKind" NOT NULL,
    "state" "AffiliatePayoutState" NOT NULL,
    "amount" DECIMAL(20,6) NOT NULL,
    "requestKey" TEXT NOT NULL,
    "details" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AffiliatePayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Referral_referredId_key" ON "Referral"("referredId");

-- CreateIndex
CREATE INDEX "Referral_affiliateId_id_idx" ON "Referral"("affiliateId", "id");

-- CreateIndex
CREATE INDEX "AffiliateVisit_affiliateId_idx" ON "AffiliateVisit"("affiliateId");

-- CreateIndex
CREATE UNIQUE INDEX "AffiliateCommission_paymentId_key" ON "AffiliateCommission"("paymentId");

-- CreateIndex
CREATE INDEX "AffiliateCommission_affiliateId_id_idx" ON "AffiliateCommission"("affiliateId", "id");

-- CreateIndex
CREATE INDEX "AffiliatePayout_state_id_idx" ON "AffiliatePayout"("state", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AffiliatePayout_affiliateId_requestKey_key" ON "AffiliatePayout"("affiliateId", "requestKey");

-- CreateIndex
CREATE UNIQUE INDEX "User_referralCode_key" ON "User"("referralCode");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_affiliatePayoutId_fkey" FOREIGN KEY ("affiliatePayoutId") REFERENCES "AffiliatePayout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referredId_fkey" FOREIGN KEY ("referredId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliateVisit" ADD CONSTRAINT "AffiliateVisit_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_referredId_fkey" FOREIGN KEY ("referredId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliatePayout" ADD CONSTRAINT "AffiliatePayout_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffiliatePayout" ADD CONSTRAINT "AffiliatePayout_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Money rules. An affiliate_commission entry adds to the balance, names its payout and no order or
-- payment; one entry per payout (a payout moves money once).
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_sign";
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_sign" CHECK (
  ("kind" IN ('charge', 'chargeback', 'debit') AND "amount" <= 0)
  OR ("kind" IN ('credit', 'refund_failed', 'refund_partial', 'refund_canceled', 'refund_manual', 'deposit', 'bonus', 'affiliate_commission') AND "amount" >= 0)
  OR "kind" = 'adjustment'
);
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_order_entries_have_order";
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_order_entries_have_order" CHECK (
  "kind" IN ('credit', 'adjustment', 'deposit', 'bonus', 'chargeback', 'debit', 'affiliate_commission') OR "orderId" IS NOT NULL
);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_affiliate_entries_have_payout" CHECK (
  ("kind" = 'affiliate_commission') = ("affiliatePayoutId" IS NOT NULL)
);
CREATE UNIQUE INDEX "LedgerEntry_one_entry_per_affiliate_payout" ON "LedgerEntry"("affiliatePayoutId") WHERE "kind" = 'affiliate_commission';

-- A commission is a share of a positive deposit; what chargebacks take back stays within it.
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_amounts" CHECK (
  "deposit" > 0 AND "percent" >= 0 AND "percent" <= 100 AND "amount" >= 0 AND "takenBack" >= 0 AND "takenBack" <= "amount"
);
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_not_self" CHECK ("affiliateId" <> "referredId");
ALTER TABLE "AffiliateCommission" ADD CONSTRAINT "AffiliateCommission_void_has_reason" CHECK (("state" = 'voided') = ("voidReason" IS NOT NULL));
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_not_self" CHECK ("affiliateId" <> "referredId");
ALTER TABLE "AffiliatePayout" ADD CONSTRAINT "AffiliatePayout_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "User" ADD CONSTRAINT "User_affiliate_percent_range" CHECK ("affiliatePercent" IS NULL OR ("affiliatePercent" >= 0 AND "affiliatePercent" <= 100));
