// What a placement reads before it writes, one query each: the customer with the order an
// earlier request with this idempotency key made, and the service with its provider (including
// what sending `add` needs, so nothing is read again after the order is written).
import type { Db } from "@/lib/db/connection";
import { customerRateSql } from "@/lib/pricing/customer-rate";
import { standingRefusal } from "@/lib/accounts/standing";
import { fail, type Failure } from "@/lib/result";

export type PlacementStart = Failure | { earlierOrderId: number } | { earlierOrderId: null };

const KEY_REUSED = "This idempotency key was already used for a different order.";

/** Refuses a missing, suspended or unverified customer and a key reused for another request. */
export async function readPlacementStart(db: Db, customerId: number, idempotencyKey: string | undefined, requestHash: string): Promise<PlacementStart> {
  const rows = await db.$queryRaw<{ status: string; emailVerifiedAt: Date | null; orderId: number | null; requestHash: string | null }[]>`
    SELECT u.status::text AS status, u."emailVerifiedAt" AS "emailVerifiedAt", o.id AS "orderId", o."requestHash" AS "requestHash"
    FROM "User" u
    LEFT JOIN "Order" o ON o."userId" = u.id AND o."idempotencyKey" = ${idempotencyKey ?? null}
    WHERE u.id = ${customerId}`;
  const row = rows[0];
  // A retry is answered with its order even if the account changed since.
  if (row && row.orderId !== null) return row.requestHash === requestHash ? { earlierOrderId: row.orderId } : fail("key_reused", KEY_REUSED);
  return standingRefusal(row ?? null) ?? { earlierOrderId: null };
}

export type ServiceForPlacement = {
  id: number;
  providerId: number;
  upstreamId: string;
  name: string;
  type: string;
  min: number;
  max: number;
  dripfeed: boolean;
  cancel: boolean;
  refill: boolean;
  sellRate: string;
  /** What this customer pays (custom price or discount, lib/pricing), read in the same query. */
  customerRate: string;
  upstreamRate: string;
  orderable: boolean;
  provider: { exchangeRate: string; apiUrl: string; apiKeyEncrypted: string; timeoutMs: number };
};

/** The service, whether it can be ordered now, and its provider's connection; null when there is no such service. */
export async function readServiceForPlacement(db: Db, serviceId: number, customerId: number): Promise<ServiceForPlacement | null> {
  const rows = await db.$queryRaw<(Omit<ServiceForPlacement, "provider"> & ServiceForPlacement["provider"])[]>`
    SELECT s.id, s."providerId", s."upstreamId", s.name, s.type, s.min, s.max, s.dripfeed, s.cancel, s.refill,
      s."sellRate"::text AS "sellRate", (${customerRateSql})::text AS "customerRate", s."upstreamRate"::text AS "upstreamRate",
      (s.enabled AND s."upstreamListed" AND p.enabled) AS orderable,
      p."exchangeRate"::text AS "exchangeRate", p."apiUrl", p."apiKeyEncrypted", p."timeoutMs"
    FROM "Service" s JOIN "Provider" p ON p.id = s."providerId"
    LEFT JOIN "CustomerDiscount" cd ON cd."userId" = ${customerId}
    LEFT JOIN "CustomerServicePrice" cp ON cp."serviceId" = s.id AND cp."userId" = ${customerId}
    WHERE s.id = ${serviceId}`;
  return rows[0] ? withProvider(rows[0]) : null;
}

export type ProductForPlacement = {
  id: number;
  providerId: number;
  upstreamId: string;
  name: string;
  min: number;
  max: number;
  requireText: string | null;
  inventory: number | null;
  sellRate: string;
  /** What this customer pays (their discount; products have no custom prices). */
  customerRate: string;
  upstreamRate: string;
  orderable: boolean;
  provider: { exchangeRate: string; apiUrl: string; apiKeyEncrypted: string; timeoutMs: number };
};

/** The product, whether it can be ordered now, and its provider's connection; null when there is no such product. */
export async function readProductForPlacement(db: Db, productId: number, customerId: number): Promise<ProductForPlacement | null> {
  const rows = await db.$queryRaw<(Omit<ProductForPlacement, "provider"> & ProductForPlacement["provider"])[]>`
    SELECT s.id, s."providerId", s."upstreamId", s.name, s.min, s.max, s."requireText", s.inventory,
      s."sellRate"::text AS "sellRate", (${customerRateSql})::text AS "customerRate", s."upstreamRate"::text AS "upstreamRate",
      (s.enabled AND s."upstreamListed" AND p.enabled) AS orderable,
      p."exchangeRate"::text AS "exchangeRate", p."apiUrl", p."apiKeyEncrypted", p."timeoutMs"
    FROM "Product" s JOIN "Provider" p ON p.id = s."providerId"
    LEFT JOIN "CustomerDiscount" cd ON cd."userId" = ${customerId}
    LEFT JOIN (SELECT NULL::numeric AS "sellRate") cp ON true
    WHERE s.id = ${productId}`;
  return rows[0] ? withProvider(rows[0]) : null;
}

type ProviderColumns = { exchangeRate: string; apiUrl: string; apiKeyEncrypted: string; timeoutMs: number };

/** A joined row's provider columns, gathered under `provider`. */
function withProvider<T extends ProviderColumns>(row: T): Omit<T, keyof ProviderColumns> & { provider: ProviderColumns } {
  const { exchangeRate, apiUrl, apiKeyEncrypted, timeoutMs, ...item } = row;
  return { ...item, provider: { exchangeRate, apiUrl, apiKeyEncrypted, timeoutMs } };
}
