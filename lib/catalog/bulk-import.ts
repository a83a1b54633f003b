// The set-based half of a catalog sync, inside the sync's one transaction: listings go into a
// temporary table in chunks, are upserted from it with INSERT … ON CONFLICT DO UPDATE (rows
// that did not change are not rewritten), what vanished is delisted, and the change log is
// computed by comparing a snapshot taken before with the rows after — a fixed number of
// statements whatever the catalog's size.
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/ledger/transaction";
import type { ProductRow, ServiceRow } from "./listing-rules";

export const IMPORT_CHUNK = 2000;

export type ItemKind = "service" | "product";
export type ChangeCounts = Record<"added" | "removed" | "relisted" | "price_up" | "price_down" | "limits_changed" | "renamed" | "invalid", number>;
export const NO_CHANGES: ChangeCounts = { added: 0, removed: 0, relisted: 0, price_up: 0, price_down: 0, limits_changed: 0, renamed: 0, invalid: 0 };

type Progress = (processed: number) => Promise<void>;

const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / IMPORT_CHUNK) }, (_, i) => rows.slice(i * IMPORT_CHUNK, (i + 1) * IMPORT_CHUNK));

/** Services: upstream text goes to upstream*; the shown name/category/description keep an admin's override. */
export async function importServices(tx: Tx, providerId: number, rows: ServiceRow[], progress: Progress): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE sync_in (
    ord int, upstream_id text, name text, type text, category text, description text, rate numeric,
    min int, max int, refill boolean, cancel boolean, dripfeed boolean, orderable boolean, invalid_reason text) ON COMMIT DROP`;
  await snapshot(tx, "service", providerId);
  let done = 0;
  for (const chunk of chunks(rows)) {
    const col = <K extends keyof ServiceRow>(k: K) => chunk.map((r) => r[k]);
    await tx.$executeRaw`INSERT INTO sync_in
      SELECT * FROM unnest(${chunk.map((_, i) => done + i)}::int[], ${col("upstreamId")}::text[], ${col("name")}::text[], ${col("type")}::text[],
        ${col("category")}::text[], ${col("description")}::text[], ${col("rate")}::numeric[], ${col("min")}::int[], ${col("max")}::int[],
        ${col("refill")}::boolean[], ${col("cancel")}::boolean[], ${col("dripfeed")}::boolean[], ${col("orderable")}::boolean[], ${col("invalidReason")}::text[])`;
    await tx.$executeRaw`
      INSERT INTO "Service" ("providerId", "upstreamId", "name", "upstreamName", "type", "category", "upstreamCategory", "description",
        "upstreamDescription", "upstreamRate", "sellRate", "min", "max", "refill", "cancel", "dripfeed", "enabled", "upstreamListed",
        "invalidReason", "updatedAt")
      SELECT ${providerId}, t.upstream_id, t.name, t.name, t.type, t.category, t.category, t.description, t.description, t.rate,
        -- At cost until the rules price it, moments later in this transaction; 0 for rows that stay off.
        CASE WHEN t.invalid_reason IS NULL THEN ceil(t.rate * p."exchangeRate" * 1000000) * 0.000001 ELSE 0 END,
        t.min, t.max, t.refill, t.cancel, t.dripfeed, t.orderable AND t.invalid_reason IS NULL, true, t.invalid_reason, now()
      FROM sync_in t JOIN "Provider" p ON p."id" = ${providerId}
      WHERE t.ord >= ${done} AND t.ord < ${done + chunk.length}
      ON CONFLICT ("providerId", "upstreamId") DO UPDATE SET
        "upstreamName" = EXCLUDED."upstreamName", "name" = COALESCE("Service"."nameOverride", EXCLUDED."upstreamName"),
        "upstreamCategory" = EXCLUDED."upstreamCategory", "category" = COALESCE("Service"."categoryOverride", EXCLUDED."upstreamCategory"),
        "upstreamDescription" = EXCLUDED."upstreamDescription",
        "description" = COALESCE("Service"."descriptionOverride", EXCLUDED."upstreamDescription"),
        "type" = EXCLUDED."type", "upstreamRate" = EXCLUDED."upstreamRate", "min" = EXCLUDED."min", "max" = EXCLUDED."max",
        "refill" = EXCLUDED."refill", "cancel" = EXCLUDED."cancel", "dripfeed" = EXCLUDED."dripfeed",
        -- An admin's "off" stays off; a listing that came back or turned unsellable is off until an admin looks.
        "enabled" = "Service"."enabled" AND "Service"."upstreamListed" AND EXCLUDED."enabled",
        "upstreamListed" = true, "invalidReason" = EXCLUDED."invalidReason", "updatedAt" = now()
      WHERE ("Service"."upstreamName", "Service"."upstreamCategory", "Service"."upstreamDescription", "Service"."type",
             "Service"."upstreamRate", "Service"."min", "Service"."max", "Service"."refill", "Service"."cancel", "Service"."dripfeed",
             "Service"."upstreamListed", "Service"."invalidReason", "Service"."enabled" AND NOT EXCLUDED."enabled")
        IS DISTINCT FROM (EXCLUDED."upstreamName", EXCLUDED."upstreamCategory", EXCLUDED."upstreamDescription", EXCLUDED."type",
             EXCLUDED."upstreamRate", EXCLUDED."min", EXCLUDED."max", EXCLUDED."refill", EXCLUDED."cancel", EXCLUDED."dripfeed",
             true, EXCLUDED."invalidReason", false)`;
    done += chunk.length;
    await progress(done);
  }
  await delist(tx, "service", providerId);
}

export async function importProducts(tx: Tx, providerId: number, rows: ProductRow[], progress: Progress): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE sync_in (
    ord int, upstream_id text, name text, category text, require_text text, product_type text, stock_status text,
    inventory int, rate numeric, min int, max int, invalid_reason text) ON COMMIT DROP`;
  await snapshot(tx, "product", providerId);
  let done = 0;
  for (const chunk of chunks(rows)) {
    const col = <K extends keyof ProductRow>(k: K) => chunk.map((r) => r[k]);
    await tx.$executeRaw`INSERT INTO sync_in
      SELECT * FROM unnest(${chunk.map((_, i) => done + i)}::int[], ${col("upstreamId")}::text[], ${col("name")}::text[], ${col("category")}::text[],
        ${col("requireText")}::text[], ${col("productType")}::text[], ${col("stockStatus")}::text[], ${col("inventory")}::int[],
        ${col("rate")}::numeric[], ${col("min")}::int[], ${col("max")}::int[], ${col("invalidReason")}::text[])`;
    await tx.$executeRaw`
      INSERT INTO "Product" ("providerId", "upstreamId", "name", "category", "requireText", "productType", "stockStatus", "inventory",
        "upstreamRate", "sellRate", "min", "max", "enabled", "upstreamListed", "invalidReason", "updatedAt")
      SELECT ${providerId}, t.upstream_id, t.name, t.category, t.require_text, t.product_type, t.stock_status, t.inventory, t.rate,
        CASE WHEN t.invalid_reason IS NULL THEN ceil(t.rate * p."exchangeRate" * 1000000) * 0.000001 ELSE 0 END,
        t.min, t.max, t.invalid_reason IS NULL, true, t.invalid_reason, now()
      FROM sync_in t JOIN "Provider" p ON p."id" = ${providerId}
      WHERE t.ord >= ${done} AND t.ord < ${done + chunk.length}
      ON CONFLICT ("providerId", "upstreamId") DO UPDATE SET
        "name" = EXCLUDED."name", "category" = EXCLUDED."category", "requireText" = EXCLUDED."requireText",
        "productType" = EXCLUDED."productType", "stockStatus" = EXCLUDED."stockStatus", "inventory" = EXCLUDED."inventory",
        "upstreamRate" = EXCLUDED."upstreamRate", "min" = EXCLUDED."min", "max" = EXCLUDED."max",
        "enabled" = "Product"."enabled" AND "Product"."upstreamListed" AND EXCLUDED."enabled",
        "upstreamListed" = true, "invalidReason" = EXCLUDED."invalidReason", "updatedAt" = now()
      WHERE ("Product"."name", "Product"."category", "Product"."requireText", "Product"."productType", "Product"."stockStatus",
             "Product"."inventory", "Product"."upstreamRate", "Product"."min", "Product"."max", "Product"."upstreamListed",
             "Product"."invalidReason", "Product"."enabled" AND NOT EXCLUDED."enabled")
        IS DISTINCT FROM (EXCLUDED."name", EXCLUDED."category", EXCLUDED."requireText", EXCLUDED."productType", EXCLUDED."stockStatus",
             EXCLUDED."inventory", EXCLUDED."upstreamRate", EXCLUDED."min", EXCLUDED."max", true, EXCLUDED."invalidReason", false)`;
    done += chunk.length;
    await progress(done);
  }
  await delist(tx, "product", providerId);
}

const TABLE: Record<ItemKind, Prisma.Sql> = { service: Prisma.raw(`"Service"`), product: Prisma.raw(`"Product"`) };
/** The name as the upstream sends it: a rename upstream is logged even when an admin's name is shown. */
const UPSTREAM_NAME: Record<ItemKind, Prisma.Sql> = { service: Prisma.raw(`"upstreamName"`), product: Prisma.raw(`"name"`) };

async function snapshot(tx: Tx, kind: ItemKind, providerId: number) {
  await tx.$executeRaw`CREATE TEMP TABLE sync_before ON COMMIT DROP AS
    SELECT "id", ${UPSTREAM_NAME[kind]} AS upstream_name, "upstreamRate", "sellRate", "min", "max", "upstreamListed", "invalidReason"
    FROM ${TABLE[kind]} WHERE "providerId" = ${providerId}`;
}

async function delist(tx: Tx, kind: ItemKind, providerId: number) {
  await tx.$executeRaw`ANALYZE sync_in`;
  await tx.$executeRaw`UPDATE ${TABLE[kind]} s SET "upstreamListed" = false, "enabled" = false, "updatedAt" = now()
    WHERE s."providerId" = ${providerId} AND s."upstreamListed"
      AND NOT EXISTS (SELECT 1 FROM sync_in t WHERE t.upstream_id = s."upstreamId")`;
}

/**
 * A fixed price the upstream cost has overtaken goes back to its rule (flagged for the admin),
 * unless the admin confirmed selling below cost. Returns how many.
 */
export async function releaseFixedPricesBelowCost(tx: Tx, kind: ItemKind, providerId: number): Promise<number> {
  return tx.$executeRaw`UPDATE ${TABLE[kind]} s
    SET "sellRateOverride" = false, "priceFlag" = 'cost_rose_above_fixed_price', "priceFlaggedAt" = now(), "updatedAt" = now()
    FROM "Provider" p
    WHERE p."id" = s."providerId" AND s."providerId" = ${providerId} AND s."sellRateOverride" AND s."invalidReason" IS NULL
      AND s."upstreamRate" * p."exchangeRate" > s."sellRate" AND s."priceFlag" IS DISTINCT FROM 'below_cost_confirmed'`;
}

/** Writes the change log of this sync (snapshot vs now) and counts it by kind. */
export async function logChanges(tx: Tx, kind: ItemKind, providerId: number, syncRunId: number): Promise<ChangeCounts> {
  const rows = await tx.$queryRaw<{ kind: keyof ChangeCounts; n: bigint }[]>`
    WITH n AS (SELECT "id", ${UPSTREAM_NAME[kind]} AS upstream_name, "upstreamRate", "sellRate", "min", "max", "upstreamListed", "invalidReason"
               FROM ${TABLE[kind]} WHERE "providerId" = ${providerId}),
    changes AS (
      SELECT 'added' AS kind, n."id", NULL AS old_value, n.upstream_name AS new_value, NULL::numeric AS old_sell, n."sellRate" AS new_sell
        FROM n LEFT JOIN sync_before b ON b."id" = n."id" WHERE b."id" IS NULL
      UNION ALL
      SELECT 'removed', n."id", NULL, NULL, b."sellRate", n."sellRate" FROM n JOIN sync_before b ON b."id" = n."id"
        WHERE b."upstreamListed" AND NOT n."upstreamListed"
      UNION ALL
      SELECT 'relisted', n."id", NULL, NULL, b."sellRate", n."sellRate" FROM n JOIN sync_before b ON b."id" = n."id"
        WHERE NOT b."upstreamListed" AND n."upstreamListed"
      UNION ALL
      SELECT CASE WHEN n."upstreamRate" > b."upstreamRate" THEN 'price_up' WHEN n."upstreamRate" < b."upstreamRate" THEN 'price_down'
                  WHEN n."sellRate" > b."sellRate" THEN 'price_up' ELSE 'price_down' END,
        n."id", trim_scale(b."upstreamRate")::text, trim_scale(n."upstreamRate")::text, b."sellRate", n."sellRate"
        FROM n JOIN sync_before b ON b."id" = n."id"
        WHERE n."upstreamListed" AND (n."upstreamRate" <> b."upstreamRate" OR n."sellRate" <> b."sellRate")
      UNION ALL
      SELECT 'limits_changed', n."id", b."min" || '–' || b."max", n."min" || '–' || n."max", NULL, NULL
        FROM n JOIN sync_before b ON b."id" = n."id" WHERE n."upstreamListed" AND (n."min", n."max") <> (b."min", b."max")
      UNION ALL
      SELECT 'renamed', n."id", b.upstream_name, n.upstream_name, NULL, NULL
        FROM n JOIN sync_before b ON b."id" = n."id" WHERE n.upstream_name <> b.upstream_name
      UNION ALL
      SELECT 'invalid', n."id", NULL, n."invalidReason", NULL, NULL
        FROM n LEFT JOIN sync_before b ON b."id" = n."id"
        WHERE n."invalidReason" IS NOT NULL AND n."invalidReason" IS DISTINCT FROM b."invalidReason"
    ),
    inserted AS (
      INSERT INTO "CatalogChange" ("syncRunId", "providerId", "itemKind", "itemId", "kind", "oldValue", "newValue", "oldSellRate", "newSellRate")
      SELECT ${syncRunId}, ${providerId}, ${kind}::"OrderKind", c."id", c.kind::"CatalogChangeKind", c.old_value, c.new_value, c.old_sell, c.new_sell
      FROM changes c
      RETURNING "kind"
    )
    SELECT "kind"::text AS kind, count(*) AS n FROM inserted GROUP BY "kind"`;
  const counts = { ...NO_CHANGES };
  for (const row of rows) counts[row.kind] = Number(row.n);
  return counts;
}

/** The scratch tables of one kind, dropped before the next kind reuses their names. */
export async function dropScratch(tx: Tx): Promise<void> {
  await tx.$executeRaw`DROP TABLE IF EXISTS sync_in, sync_before`;
}
