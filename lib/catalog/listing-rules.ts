// What a sync accepts from an upstream listing before it is stored: text fields capped at the
// lengths below (an upstream can send megabytes of "description"), and listings that cannot be
// sold honestly — a rate of zero or less, limits that make no sense — kept but switched off,
// with the reason, so the sync summary and the admin can say why.
import { Decimal } from "@/lib/money";
import { canonicalServiceType } from "@/lib/upstream/add-order-input";
import type { ProductListing, ServiceListing } from "@/lib/upstream/types";

/** Stored length caps, in characters (code points). */
export const FIELD_CAPS = {
  upstreamId: 100,
  name: 300,
  category: 200,
  description: 5000,
  type: 100,
  requireText: 1000,
  productType: 100,
  stockStatus: 100,
} as const;

const INT_MAX = 2_147_483_647;
/** sellRate is numeric(20,6): rates from here on would overflow it after a markup. */
const RATE_LIMIT = new Decimal("1e12");

/** The first `max` code points, never half a surrogate pair; NUL removed (PostgreSQL refuses it). */
export function capText(text: string, max: number): string {
  const clean = text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
  if (clean.length <= max) return clean;
  return Array.from(clean).slice(0, max).join("");
}

const capOptional = (text: string | null | undefined, max: number) => (text == null ? null : capText(text, max));

/** Why a listing cannot be sold, or null when it can. */
export function invalidReasonOf(listing: { rate: Decimal; min: number; max: number }): string | null {
  if (listing.rate.lte(0)) return `rate ${listing.rate.toFixed()} is not positive`;
  if (listing.rate.gte(RATE_LIMIT)) return `rate ${listing.rate.toFixed()} is implausibly large`;
  if (listing.min < 1) return `min ${listing.min} is below 1`;
  if (listing.max < listing.min) return `max ${listing.max} is below min ${listing.min}`;
  if (listing.max > INT_MAX) return `max ${listing.max} is too large`;
  return null;
}

const clampInt = (n: number) => Math.max(-INT_MAX, Math.min(INT_MAX, n));

export type ServiceRow = {
  upstreamId: string; name: string; type: string; category: string; description: string | null; rate: string;
  min: number; max: number; refill: boolean; cancel: boolean; dripfeed: boolean; orderable: boolean; invalidReason: string | null;
};

export type ProductRow = {
  upstreamId: string; name: string; category: string; requireText: string | null; productType: string; stockStatus: string;
  inventory: number | null; rate: string; min: number; max: number; invalidReason: string | null;
};

export type Prepared<R> = { rows: R[]; warnings: string[] };

/** One row per upstream id (the first listing wins), capped and checked. */
function prepare<L, R extends { upstreamId: string; invalidReason: string | null }>(
  listings: readonly L[],
  idOf: (l: L) => string,
  toRow: (l: L) => R,
  what: string,
): Prepared<R> {
  const seen = new Set<string>();
  const rows: R[] = [];
  const warnings: string[] = [];
  for (const listing of listings) {
    const id = idOf(listing);
    if (id.length > FIELD_CAPS.upstreamId) {
      warnings.push(`${what} with an id of ${id.length} characters skipped`);
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const row = toRow(listing);
    if (row.invalidReason) warnings.push(`${what} ${id}: ${row.invalidReason}; imported disabled`);
    rows.push(row);
  }
  return { rows, warnings };
}

export function prepareServices(listings: readonly ServiceListing[]): Prepared<ServiceRow> {
  const prepared = prepare(listings, (l) => l.service, (l) => ({
    upstreamId: l.service,
    name: capText(l.name, FIELD_CAPS.name),
    type: capText(l.type, FIELD_CAPS.type),
    category: capText(l.category, FIELD_CAPS.category),
    description: capOptional(l.description, FIELD_CAPS.description),
    rate: l.rate.toFixed(),
    min: clampInt(l.min),
    max: clampInt(l.max),
    refill: l.refill, cancel: l.cancel, dripfeed: l.dripfeed,
    orderable: canonicalServiceType(l.type) !== null,
    invalidReason: invalidReasonOf(l),
  }), "service");
  for (const row of prepared.rows) {
    if (!row.orderable) prepared.warnings.push(`service ${row.upstreamId} has type "${row.type}", which cannot be ordered; imported disabled`);
  }
  return prepared;
}

export function prepareProducts(listings: readonly ProductListing[]): Prepared<ProductRow> {
  return prepare(listings, (l) => l.product, (l) => ({
    upstreamId: l.product,
    name: capText(l.name, FIELD_CAPS.name),
    category: capText(l.category, FIELD_CAPS.category),
    requireText: capOptional(l.require, FIELD_CAPS.requireText),
    productType: capText(l.type, FIELD_CAPS.productType),
    stockStatus: capText(l.status, FIELD_CAPS.stockStatus),
    inventory: l.inventory === null ? null : clampInt(l.inventory),
    rate: l.rate.toFixed(),
    min: clampInt(l.min),
    max: clampInt(l.max),
    invalidReason: invalidReasonOf(l),
  }), "product");
}
