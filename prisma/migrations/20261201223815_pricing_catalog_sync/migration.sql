-- CreateEnum
CREATE TYPE "PriceRuleScope" AS ENUM ('global', 'provider', 'category', 'item');

-- CreateEnum
CREATE TYPE "CatalogSyncStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "CatalogChangeKind" AS ENUM ('added', 'removed', 'relisted', 'price_up', 'price_down', 'limits_changed', 'renamed', 'invalid');

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "invalidReason" TEXT,
ADD COLUMN     "priceFlag" TEXT,
ADD COLUMN     "priceFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "priceRuleId" INTEGER;

-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "catalogSyncIntervalMinutes" INTEGER,
ADD COLUMN     "nextCatalogSyncAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "categoryOverride" TEXT,
ADD COLUMN     "descriptionOverride" TEXT,
ADD COLUMN     "invalidReason" TEXT,
ADD COLUMN     "nameOverride" TEXT,
ADD COLUMN     "priceFlag" TEXT,
ADD COLUMN     "priceFlaggedAt" TIMESTAMP(3),
ADD COLUMN     "priceRuleId" INTEGER,
ADD COLUMN     "sortOrder" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "upstreamCategory" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "upstreamDescription" TEXT,
ADD COLUMN     "upstreamName" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "PriceRule" (
    "id" SERIAL NOT NULL,
    "itemKind" "OrderKind" NOT NULL,
    "scope" "PriceRuleScope" NOT NULL,
    "providerId" INTEGER,
    "category" TEXT,
    "itemId" INTEGER,
    "percent" DECIMAL(10,4),
    "fixedAmount" DECIMAL(20,6),
    "minPrice" DECIMAL(20,6),
    "roundStep" DECIMAL(20,6),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriceRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerDiscount" (
    "userId" INTEGER NOT NULL,
    "percent" DECIMAL(7,4) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerDiscount_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "CustomerServicePrice" (
    "userId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "sellRate" DECIMAL(20,6) NOT NULL,
    "belowCostConfirmed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerServicePrice_pkey" PRIMARY KEY ("userId","serviceId")
);

-- CreateTable
CREATE TABLE "CatalogSyncRun" (
    "id" SERIAL NOT NULL,
    "providerId" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "actorId" INTEGER,
    "status" "CatalogSyncStatus" NOT NULL DEFAULT 'running',
    "phase" TEXT NOT NULL DEFAULT 'reading the upstream catalog',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CatalogSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogChange" (
    "id" BIGSERIAL NOT NULL,
    "syncRunId" INTEGER,
    "providerId" INTEGER NOT NULL,
    "itemKind" "OrderKind" NOT NULL,
    "itemId" INTEGER NOT NULL,
    "kind" "CatalogChangeKind" NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "oldSellRate" DECIMAL(20,6),
    "newSellRate" DECIMAL(20,6),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PriceRule_itemKind_scope_idx" ON "PriceRule"("itemKind", "scope");

-- CreateIndex
CREATE INDEX "CustomerServicePrice_serviceId_idx" ON "CustomerServicePrice"("serviceId");

-- CreateIndex
CREATE INDEX "CatalogSyncRun_providerId_startedAt_idx" ON "CatalogSyncRun"("providerId", "startedAt");

-- CreateIndex
CREATE INDEX "CatalogChange_createdAt_idx" ON "CatalogChange"("createdAt");

-- CreateIndex
CREATE INDEX "CatalogChange_kind_createdAt_idx" ON "CatalogChange"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "CatalogChange_itemKind_itemId_createdAt_idx" ON "CatalogChange"("itemKind", "itemId", "createdAt");

-- CreateIndex
CREATE INDEX "Service_category_sortOrder_id_idx" ON "Service"("category", "sortOrder", "id");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_priceRuleId_fkey" FOREIGN KEY ("priceRuleId") REFERENCES "PriceRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_priceRuleId_fkey" FOREIGN KEY ("priceRuleId") REFERENCES "PriceRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceRule" ADD CONSTRAINT "PriceRule_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerDiscount" ADD CONSTRAINT "CustomerDiscount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerServicePrice" ADD CONSTRAINT "CustomerServicePrice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerServicePrice" ADD CONSTRAINT "CustomerServicePrice_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogSyncRun" ADD CONSTRAINT "CatalogSyncRun_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogChange" ADD CONSTRAINT "CatalogChange_syncRunId_fkey" FOREIGN KEY ("syncRunId") REFERENCES "CatalogSyncRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogChange" ADD CONSTRAINT "CatalogChange_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: pricing and catalog rules the database itself enforces.
-- ---------------------------------------------------------------------------

-- What the provider sent, kept apart from what the admin may override.
UPDATE "Service" SET "upstreamName" = "name", "upstreamCategory" = "category", "upstreamDescription" = "description";

-- Nothing free or negative is sold: such rows are switched off before the rule takes hold.
UPDATE "Service" SET "enabled" = false, "invalidReason" = 'sell rate is not positive' WHERE "enabled" AND "sellRate" <= 0;
UPDATE "Product" SET "enabled" = false, "invalidReason" = 'sell rate is not positive' WHERE "enabled" AND "sellRate" <= 0;
ALTER TABLE "Service" ADD CONSTRAINT "Service_enabled_sell_rate_positive" CHECK (NOT "enabled" OR "sellRate" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_enabled_sell_rate_positive" CHECK (NOT "enabled" OR "sellRate" > 0);

-- Every new order costs something. Orders placed before this migration at a zero charge (the
-- hole this closes) keep working: the CHECK exempts ids up to the last such order, and ids
-- only grow, so every later order must be positive.
DO $$
DECLARE last_free integer;
BEGIN
  SELECT coalesce(max("id"), 0) INTO last_free FROM "Order" WHERE "charge" <= 0;
  EXECUTE format('ALTER TABLE "Order" ADD CONSTRAINT "Order_charge_positive" CHECK ("charge" > 0 OR "id" <= %s)', last_free);
END;
$$;

-- A rule names exactly its target and prices at or above cost (markups, not discounts).
ALTER TABLE "PriceRule" ADD CONSTRAINT "PriceRule_scope_target" CHECK (
  ("scope" = 'global' AND "providerId" IS NULL AND "category" IS NULL AND "itemId" IS NULL)
  OR ("scope" = 'provider' AND "providerId" IS NOT NULL AND "category" IS NULL AND "itemId" IS NULL)
  OR ("scope" = 'category' AND "providerId" IS NULL AND "category" IS NOT NULL AND "itemId" IS NULL)
  OR ("scope" = 'item' AND "providerId" IS NULL AND "category" IS NULL AND "itemId" IS NOT NULL)
);
ALTER TABLE "PriceRule" ADD CONSTRAINT "PriceRule_amounts" CHECK (
  ("percent" IS NOT NULL OR "fixedAmount" IS NOT NULL)
  AND ("percent" IS NULL OR "percent" >= 0)
  AND ("fixedAmount" IS NULL OR "fixedAmount" >= 0)
  AND ("minPrice" IS NULL OR "minPrice" > 0)
  AND ("roundStep" IS NULL OR "roundStep" > 0)
);
CREATE UNIQUE INDEX "PriceRule_one_global" ON "PriceRule"("itemKind") WHERE "scope" = 'global';
CREATE UNIQUE INDEX "PriceRule_one_per_provider" ON "PriceRule"("itemKind", "providerId") WHERE "scope" = 'provider';
CREATE UNIQUE INDEX "PriceRule_one_per_category" ON "PriceRule"("itemKind", "category") WHERE "scope" = 'category';
CREATE UNIQUE INDEX "PriceRule_one_per_item" ON "PriceRule"("itemKind", "itemId") WHERE "scope" = 'item';

ALTER TABLE "CustomerDiscount" ADD CONSTRAINT "CustomerDiscount_percent_range" CHECK ("percent" > 0 AND "percent" < 100);
ALTER TABLE "CustomerServicePrice" ADD CONSTRAINT "CustomerServicePrice_positive" CHECK ("sellRate" > 0);
ALTER TABLE "Provider" ADD CONSTRAINT "Provider_catalog_sync_interval" CHECK (
  "catalogSyncIntervalMinutes" IS NULL OR "catalogSyncIntervalMinutes" BETWEEN 5 AND 10080
);
-- One running sync per provider at a time.
CREATE UNIQUE INDEX "CatalogSyncRun_one_running" ON "CatalogSyncRun"("providerId") WHERE "status" = 'running';
