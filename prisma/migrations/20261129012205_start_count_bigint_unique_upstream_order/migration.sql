-- AlterTable
ALTER TABLE "Order" ALTER COLUMN "startCount" SET DATA TYPE BIGINT;

-- Hand-written: one of our orders per upstream order. Two orders following the same upstream
-- order would both be refunded when it is canceled.
CREATE UNIQUE INDEX "Order_provider_upstream_order_key" ON "Order"("providerId", "upstreamOrderId")
  WHERE "upstreamOrderId" IS NOT NULL;
