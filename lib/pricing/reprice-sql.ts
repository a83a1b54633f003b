// Repricing as one statement: every row not on a fixed price gets the price of its most specific
// rule (priceByRule in rule-price.ts, written here in SQL), and each changed price can be logged
// in the catalog change log by the same statement. Fast at 10,000 services: one pass, no round
// trips per row.
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/ledger/transaction";

export type ItemKind = "service" | "product";

const TABLE: Record<ItemKind, Prisma.Sql> = { service: Prisma.raw(`"Service"`), product: Prisma.raw(`"Product"`) };

/** Which rows to reprice: all, one provider's, or some ids. */
export type RepriceFilter = { providerId?: number; itemIds?: number[] };

function filterSql(filter: RepriceFilter): Prisma.Sql {
  // Rows a sync switched off as unsellable keep their price until the listing is sane again.
  const parts: Prisma.Sql[] = [Prisma.sql`NOT s."sellRateOverride"`, Prisma.sql`s."invalidReason" IS NULL`];
  if (filter.providerId !== undefined) parts.push(Prisma.sql`s."providerId" = ${filter.providerId}`);
  if (filter.itemIds !== undefined) parts.push(Prisma.sql`s."id" = ANY(${filter.itemIds}::int[])`);
  return Prisma.join(parts, " AND ");
}

/**
 * Rows of (id, providerId, old_rate, new_rate, rule_id, percent, cost) for the filtered rows,
 * priced by the rules as they are in the database now (inside the caller's transaction).
 */
export function pricedRowsSql(kind: ItemKind, filter: RepriceFilter): Prisma.Sql {
  const step = Prisma.sql`COALESCE(r."roundStep", 0.000001)`;
  const raw = Prisma.sql`GREATEST(
      s."upstreamRate" * p."exchangeRate" * (100 + COALESCE(r."percent", 0)) * 0.01 + COALESCE(r."fixedAmount", 0),
      COALESCE(r."minPrice", 0))`;
  return Prisma.sql`
    SELECT s."id", s."providerId", s."sellRate" AS old_rate, r."id" AS rule_id, COALESCE(r."percent", 0) AS percent,
      s."upstreamRate" * p."exchangeRate" AS cost,
      div(ceil(${raw} * 1000000) + ${step} * 1000000 - 1, ${step} * 1000000) * ${step} AS new_rate
    FROM ${TABLE[kind]} s
    JOIN "Provider" p ON p."id" = s."providerId"
    LEFT JOIN LATERAL (
      SELECT r.* FROM "PriceRule" r
      WHERE r."itemKind" = ${kind}::"OrderKind" AND (
        (r."scope" = 'item' AND r."itemId" = s."id")
        OR (r."scope" = 'category' AND r."category" = s."category")
        OR (r."scope" = 'provider' AND r."providerId" = s."providerId")
        OR r."scope" = 'global')
      -- The enum is declared global, provider, category, item: descending is most specific first.
      ORDER BY r."scope" DESC
      LIMIT 1
    ) r ON true
    WHERE ${filterSql(filter)}`;
}

export type RepriceCounts = { up: number; down: number; touched: number };

/**
 * Writes the rule prices of the filtered rows. `log`: also record each changed price in the
 * change log (a rule change does; a sync writes its own, richer entries).
 */
export async function repriceItems(tx: Tx, kind: ItemKind, filter: RepriceFilter, options: { log: boolean; syncRunId?: number | null }): Promise<RepriceCounts> {
  const rows = await tx.$queryRaw<{ up: bigint; down: bigint; touched: bigint }[]>`
    WITH priced AS (${pricedRowsSql(kind, filter)}),
    updated AS (
      UPDATE ${TABLE[kind]} s
      SET "sellRate" = priced.new_rate, "priceRuleId" = priced.rule_id, "markupPercent" = priced.percent, "updatedAt" = now()
      FROM priced
      WHERE s."id" = priced."id"
        AND (s."sellRate" <> priced.new_rate OR s."priceRuleId" IS DISTINCT FROM priced.rule_id OR s."markupPercent" <> priced.percent)
      RETURNING s."id", s."providerId", priced.old_rate, priced.new_rate
    ),
    logged AS (
      INSERT INTO "CatalogChange" ("syncRunId", "providerId", "itemKind", "itemId", "kind", "oldSellRate", "newSellRate")
      SELECT ${options.syncRunId ?? null}::int, "providerId", ${kind}::"OrderKind", "id",
        (CASE WHEN new_rate > old_rate THEN 'price_up' ELSE 'price_down' END)::"CatalogChangeKind", old_rate, new_rate
      FROM updated WHERE ${options.log} AND new_rate <> old_rate
      RETURNING 1
    )
    SELECT count(*) FILTER (WHERE new_rate > old_rate) AS up, count(*) FILTER (WHERE new_rate < old_rate) AS down,
      count(*) AS touched FROM updated`;
  const row = rows[0]!;
  return { up: Number(row.up), down: Number(row.down), touched: Number(row.touched) };
}

/**
 * Syncs and rule changes both rewrite many catalog rows; taking this lock first serialises them,
 * so two of them never wait on each other's rows in opposite orders (a deadlock).
 */
export async function lockCatalogPricing(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(4211001)`;
}
