// The customer's catalog: only what can be ordered right now, at our prices. Upstream ids,
// costs and providers stay out of it.
import type { Db } from "@/lib/db/connection";
import { LEDGER_SCALE } from "@/lib/money";

export type CatalogService = {
  id: number;
  name: string;
  type: string;
  category: string;
  description: string | null;
  /** Per 1000 units (per package for package types), panel currency, 6 decimals. */
  sellRate: string;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
};

export type CatalogCategory = { category: string; services: CatalogService[] };

const orderable = { enabled: true, upstreamListed: true, provider: { enabled: true } };

export async function listCatalog(db: Db): Promise<CatalogCategory[]> {
  const rows = await db.service.findMany({
    where: orderable,
    orderBy: [{ category: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true, type: true, category: true, description: true, sellRate: true,
      min: true, max: true, refill: true, cancel: true, dripfeed: true,
    },
  });
  const categories = new Map<string, CatalogService[]>();
  for (const row of rows) {
    const service: CatalogService = { ...row, sellRate: row.sellRate.toFixed(LEDGER_SCALE) };
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

export async function listProducts(db: Db): Promise<CatalogProduct[]> {
  const rows = await db.product.findMany({
    where: orderable,
    orderBy: [{ category: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true, category: true, requireText: true, productType: true, stockStatus: true,
      inventory: true, sellRate: true, min: true, max: true,
    },
  });
  return rows.map((row) => ({ ...row, sellRate: row.sellRate.toFixed(LEDGER_SCALE) }));
}
