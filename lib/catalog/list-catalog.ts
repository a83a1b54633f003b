// The customer's catalog: only what can be ordered right now, at that customer's prices (their
// custom price or discount, by lib/pricing's one function). Upstream ids, costs and providers
// stay out of it.
import type { Db } from "@/lib/db/connection";
import { convertCurrency, toLedgerString } from "@/lib/money";
import { loadCustomerPricing } from "@/lib/pricing/customer-rate";

export type CatalogService = {
  id: number;
  name: string;
  type: string;
  category: string;
  description: string | null;
  /** What this customer pays per 1000 units (per package for package types), panel currency, 6 decimals. */
  sellRate: string;
  /** The list price, when this customer's differs (a discount or a custom price). */
  listRate?: string;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
};

export type CatalogCategory = { category: string; services: CatalogService[] };

const orderable = { enabled: true, upstreamListed: true, provider: { enabled: true } };

const COST_SELECT = { upstreamRate: true, provider: { select: { exchangeRate: true } } } as const;
const costOf = (row: { upstreamRate: { toFixed(): string }; provider: { exchangeRate: { toFixed(): string } } }) =>
  convertCurrency(row.upstreamRate.toFixed(), row.provider.exchangeRate.toFixed());

/** `customerId`: price for that customer; omitted or null, list prices. */
export async function listCatalog(db: Db, options: { customerId?: number | null } = {}): Promise<CatalogCategory[]> {
  const [rows, pricing] = await Promise.all([
    db.service.findMany({
      where: orderable,
      orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
      select: {
        id: true, name: true, type: true, category: true, description: true, sellRate: true,
        min: true, max: true, refill: true, cancel: true, dripfeed: true, ...COST_SELECT,
      },
    }),
    loadCustomerPricing(db, options.customerId ?? null),
  ]);
  const categories = new Map<string, CatalogService[]>();
  for (const { upstreamRate, provider, ...row } of rows) {
    const listRate = toLedgerString(row.sellRate);
    const rate = pricing.rateOf({ id: row.id, sellRate: listRate, cost: costOf({ upstreamRate, provider }) });
    const service: CatalogService = { ...row, sellRate: rate, ...(rate !== listRate ? { listRate } : {}) };
    categories.set(row.category, [...(categories.get(row.category) ?? []), service]);
  }
  return [...categories].map(([category, services]) => ({ category, services }));
}

export type CatalogProduct = {
  id: number;
  name: string;
  category: string;
  /** What the customer must enter (e.g. "Input your email"), or null. */
  requireText: string | null;
  productType: string;
  stockStatus: string;
  inventory: number | null;
  /** Per unit, panel currency, 6 decimals. */
  sellRate: string;
  min: number;
  max: number;
};

export async function listProducts(db: Db, options: { customerId?: number | null } = {}): Promise<CatalogProduct[]> {
  const [rows, pricing] = await Promise.all([
    db.product.findMany({
      where: orderable,
      orderBy: [{ category: "asc" }, { id: "asc" }],
      select: {
        id: true, name: true, category: true, requireText: true, productType: true, stockStatus: true,
        inventory: true, sellRate: true, min: true, max: true, ...COST_SELECT,
      },
    }),
    loadCustomerPricing(db, options.customerId ?? null),
  ]);
  return rows.map(({ upstreamRate, provider, ...row }) => ({
    ...row,
    sellRate: pricing.rateOf({ id: row.id, sellRate: toLedgerString(row.sellRate), cost: costOf({ upstreamRate, provider }) }, "product"),
  }));
}
