-- CreateIndex
CREATE INDEX "Refill_userId_id_idx" ON "Refill"("userId", "id");

-- A customer's drip-feed orders and subscriptions, newest first (lib/storefront/order-lists.ts):
-- partial indexes, so a customer with 100,000 orders and a few drip-feeds reads a few index
-- entries instead of every order's params. The predicates are the queries' own, word for word
-- (`params ? 'dripFeed'` rather than `-> … IS NOT NULL`: PostgreSQL estimates `?` from the column's
-- statistics, and only with that estimate does it prefer this index to walking the primary key).
CREATE INDEX "Order_dripfeed_user_id_idx" ON "Order"("userId", "id") WHERE params ? 'dripFeed';
CREATE INDEX "Order_subscription_user_id_idx" ON "Order"("userId", "id") WHERE (params ->> 'type') = 'Subscriptions';

-- Orders found by a piece of their link (ILIKE '%…%'): a trigram index where the pg_trgm extension
-- ships (Debian's PostgreSQL does); where it does not (PGlite), the search reads the customer's
-- orders instead, which is fine at the embedded database's size.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available: the order link search runs without its index';
END $$;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'CREATE INDEX "Order_link_trgm_idx" ON "Order" USING gin ("link" gin_trgm_ops)';
  END IF;
END $$;
