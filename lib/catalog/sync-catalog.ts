// Imports a provider's services and products. Upstream rates are kept exactly as sent; our
// sell rate is computed from them unless an admin fixed it. Nothing is ever deleted: orders
// point at these rows, so what the provider stopped listing is only switched off.
import type { Db } from "@/lib/db/connection";
import { applyMarkup, convertCurrency, type Decimal, LEDGER_SCALE } from "@/lib/money";
import { canonicalServiceType } from "@/lib/upstream/add-order-input";
import type { ProductListing, ServiceListing } from "@/lib/upstream/types";
import { loadProviderConnection, upstreamClientFor } from "@/lib/providers/provider-client";
import { fromDb } from "@/lib/money/db-decimal";
import { parseMarkupPercent } from "./markup";

export type SyncCounts = { created: number; updated: number; delisted: number };
export type SyncCatalogResult =
  | { ok: true; services: SyncCounts; products: SyncCounts | null; warnings: string[] }
  | { ok: false; error: string };

/** `markupPercent`: 25 for 25 %; text such as "25%" is accepted too. */
export async function syncCatalog(db: Db, providerId: number, options: { markupPercent: Decimal | string }): Promise<SyncCatalogResult> {
  const markup = typeof options.markupPercent === "string" ? parseMarkupPercent(options.markupPercent) : options.markupPercent;
  if (!markup) return { ok: false, error: `"${options.markupPercent}" is not a markup percentage such as 25%.` };
  const provider = await loadProviderConnection(db, providerId);
  if (!provider) return { ok: false, error: `No provider ${providerId}.` };
  let client;
  try {
    client = upstreamClientFor(provider);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const services = await client.services();
  if (!services.ok) return { ok: false, error: `services: ${services.message}` };
  const exchangeRate = fromDb(provider.exchangeRate);
  const sellRateOf = (rate: Decimal) => applyMarkup(convertCurrency(rate, exchangeRate), markup);
  const markupPercent = markup.toFixed();
  const warnings: string[] = [];

  const serviceCounts = await upsertServices(db, providerId, services.value.map((listing) => {
    const orderable = canonicalServiceType(listing.type) !== null;
    if (!orderable) warnings.push(`service ${listing.service} has type "${listing.type}", which cannot be ordered; imported disabled`);
    return { upstreamId: listing.service, orderable, fields: serviceFields(listing), upstreamRate: listing.rate, sellRate: sellRateOf(listing.rate) };
  }), markupPercent);

  // Many panels sell no products and refuse the action; that leaves our products untouched.
  const products = await client.products();
  let productCounts: SyncCounts | null = null;
  if (products.ok) {
    productCounts = await upsertProducts(db, providerId, products.value.map((listing) => ({
      upstreamId: listing.product, orderable: true, fields: productFields(listing), upstreamRate: listing.rate, sellRate: sellRateOf(listing.rate),
    })), markupPercent);
  } else {
    warnings.push(`products not synced: ${products.message}`);
  }
  return { ok: true, services: serviceCounts, products: productCounts, warnings };
}

function serviceFields(listing: ServiceListing) {
  return {
    name: listing.name.slice(0, 500),
    type: listing.type,
    category: listing.category,
    description: listing.description ?? null,
    min: listing.min,
    max: listing.max,
    refill: listing.refill,
    cancel: listing.cancel,
    dripfeed: listing.dripfeed,
  };
}

function productFields(listing: ProductListing) {
  return {
    name: listing.name.slice(0, 500),
    category: listing.category,
    requireText: listing.require,
    productType: listing.type,
    stockStatus: listing.status,
    inventory: listing.inventory,
    min: listing.min,
    max: listing.max,
  };
}

type Listing<F> = { upstreamId: string; orderable: boolean; fields: F; upstreamRate: Decimal; sellRate: Decimal };
type ExistingRow = { id: number; upstreamId: string; sellRateOverride: boolean };
type RowData<F> = F & { upstreamRate: string; markupPercent: string; sellRate?: string; enabled?: boolean; upstreamListed: true };

/** The same create / update / delist pass for services and products; `store` does the writes. */
async function syncRows<F>(
  listings: Listing<F>[],
  markupPercent: string,
  store: {
    existing: ExistingRow[];
    create(data: RowData<F> & { upstreamId: string; sellRate: string }): Promise<unknown>;
    update(id: number, data: RowData<F>): Promise<unknown>;
    /** Reprices only while the row has no admin-set price, decided by the database at write time. */
    repriceUnlessOverridden(id: number, sellRate: string): Promise<unknown>;
    delistAllBut(upstreamIds: string[]): Promise<{ count: number }>;
  },
): Promise<SyncCounts> {
  const existing = new Map(store.existing.map((row) => [row.upstreamId, row]));
  const counts: SyncCounts = { created: 0, updated: 0, delisted: 0 };
  const seen = new Set<string>();
  for (const listing of listings) {
    if (seen.has(listing.upstreamId)) continue;
    seen.add(listing.upstreamId);
    const prices = { upstreamRate: listing.upstreamRate.toFixed(), markupPercent };
    const row = existing.get(listing.upstreamId);
    if (!row) {
      await store.create({ upstreamId: listing.upstreamId, ...listing.fields, ...prices, sellRate: listing.sellRate.toFixed(LEDGER_SCALE), enabled: listing.orderable, upstreamListed: true });
      counts.created++;
      continue;
    }
    // A listing that disappeared and came back stays disabled until an admin looks at it.
    await store.update(row.id, {
      ...listing.fields,
      ...prices,
      ...(listing.orderable ? {} : { enabled: false }),
      upstreamListed: true,
    });
    // Conditional, not decided from the row read above: an admin may set a price meanwhile.
    if (!row.sellRateOverride) await store.repriceUnlessOverridden(row.id, listing.sellRate.toFixed(LEDGER_SCALE));
    counts.updated++;
  }
  counts.delisted = (await store.delistAllBut([...seen])).count;
  return counts;
}

const EXISTING_SELECT = { id: true, upstreamId: true, sellRateOverride: true } as const;
const DELISTED = { upstreamListed: false, enabled: false } as const;

function upsertServices(db: Db, providerId: number, listings: Listing<ReturnType<typeof serviceFields>>[], markupPercent: string) {
  return db.service.findMany({ where: { providerId }, select: EXISTING_SELECT }).then((existing) =>
    syncRows(listings, markupPercent, {
      existing,
      create: (data) => db.service.create({ data: { providerId, ...data }, select: { id: true } }),
      update: (id, data) => db.service.update({ where: { id }, data, select: { id: true } }),
      repriceUnlessOverridden: (id, sellRate) => db.service.updateMany({ where: { id, sellRateOverride: false }, data: { sellRate } }),
      delistAllBut: (ids) => db.service.updateMany({ where: { providerId, upstreamListed: true, upstreamId: { notIn: ids } }, data: DELISTED }),
    }),
  );
}

function upsertProducts(db: Db, providerId: number, listings: Listing<ReturnType<typeof productFields>>[], markupPercent: string) {
  return db.product.findMany({ where: { providerId }, select: EXISTING_SELECT }).then((existing) =>
    syncRows(listings, markupPercent, {
      existing,
      create: (data) => db.product.create({ data: { providerId, ...data }, select: { id: true } }),
      update: (id, data) => db.product.update({ where: { id }, data, select: { id: true } }),
      repriceUnlessOverridden: (id, sellRate) => db.product.updateMany({ where: { id, sellRateOverride: false }, data: { sellRate } }),
      delistAllBut: (ids) => db.product.updateMany({ where: { providerId, upstreamListed: true, upstreamId: { notIn: ids } }, data: DELISTED }),
    }),
  );
}
