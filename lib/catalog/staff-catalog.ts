// The staff catalog: every imported service and product with its upstream cost (exact, in the
// provider's currency), our sell rate and how it was set. Customers see list-catalog.ts instead.
import "server-only";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { convertCurrency, toLedgerString } from "@/lib/money";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { ZCatalogFilters, type CatalogFilters } from "./schemas";

export const CATALOG_PAGE_SIZE = 50;

export type StaffCatalogItem = {
  id: number;
  upstreamId: string;
  name: string;
  category: string;
  provider: { id: number; name: string; currency: string };
  /** Per 1000 (services) or per unit (products), in the provider's currency, as it sent it. */
  upstreamRate: string;
  /** The upstream rate converted into the panel currency, unrounded. */
  cost: string;
  sellRate: string;
  markupPercent: string;
  sellRateOverride: boolean;
  belowCost: boolean;
  /** below_cost_confirmed, cost_rose_above_fixed_price, or null. */
  priceFlag: string | null;
  invalidReason: string | null;
  min: number;
  max: number;
  enabled: boolean;
  upstreamListed: boolean;
};
export type StaffService = StaffCatalogItem & { type: string; refill: boolean; cancel: boolean; dripfeed: boolean };
export type StaffProduct = StaffCatalogItem & { productType: string; stockStatus: string; inventory: number | null };
export type CatalogPage<T> = { rows: T[]; total: number; page: number; pageSize: number; categories: string[] };

const PROVIDER_SELECT = { select: { id: true, name: true, currency: true, exchangeRate: true } } as const;

function filtersOf(input: CatalogFilters | undefined) {
  const parsed = ZCatalogFilters.safeParse(input ?? {});
  return parsed.success ? parsed.data : ZCatalogFilters.parse({});
}

function whereOf(f: ReturnType<typeof filtersOf>) {
  const numeric = f.search && /^\d{1,9}$/.test(f.search) ? Number(f.search) : null;
  return {
    ...(f.providerId ? { providerId: f.providerId } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.enabled ? { enabled: f.enabled === "yes" } : {}),
    ...(f.override ? { sellRateOverride: f.override === "yes" } : {}),
    ...(f.search
      ? {
          OR: [
            { name: { contains: f.search, mode: "insensitive" as const } },
            { upstreamId: f.search },
            ...(numeric !== null ? [{ id: numeric }] : []),
          ],
        }
      : {}),
  };
}

type PricedRow = {
  upstreamRate: { toFixed(): string };
  sellRate: { toFixed(dp?: number): string };
  markupPercent: { toFixed(): string };
  provider: { id: number; name: string; currency: string; exchangeRate: { toFixed(): string } };
};

function priced<R extends PricedRow>(row: R) {
  const { exchangeRate, ...provider } = row.provider;
  const cost = convertCurrency(row.upstreamRate.toFixed(), exchangeRate.toFixed());
  const sellRate = toLedgerString(row.sellRate);
  return {
    ...row,
    provider,
    upstreamRate: row.upstreamRate.toFixed(),
    cost: cost.toFixed(),
    sellRate,
    markupPercent: row.markupPercent.toFixed(),
    belowCost: cost.gt(sellRate),
  };
}

export async function listServicesForStaff(db: Db, actor: StaffActor, input?: CatalogFilters): Promise<CatalogPage<StaffService>> {
  assertStaff(actor);
  const f = filtersOf(input);
  const where: Prisma.ServiceWhereInput = whereOf(f);
  const [rows, total, categories] = await Promise.all([
    db.service.findMany({
      where,
      orderBy: [{ providerId: "asc" }, { category: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: {
        id: true, upstreamId: true, name: true, type: true, category: true, upstreamRate: true, sellRate: true,
        markupPercent: true, sellRateOverride: true, priceFlag: true, invalidReason: true, min: true, max: true, refill: true, cancel: true, dripfeed: true,
        enabled: true, upstreamListed: true, provider: PROVIDER_SELECT,
      },
    }),
    db.service.count({ where }),
    db.service.findMany({ where: f.providerId ? { providerId: f.providerId } : {}, distinct: ["category"], orderBy: { category: "asc" }, select: { category: true } }),
  ]);
  return { rows: rows.map(priced), total, page: f.page, pageSize: CATALOG_PAGE_SIZE, categories: categories.map((c) => c.category) };
}

export async function listProductsForStaff(db: Db, actor: StaffActor, input?: CatalogFilters): Promise<CatalogPage<StaffProduct>> {
  assertStaff(actor);
  const f = filtersOf(input);
  const where: Prisma.ProductWhereInput = whereOf(f);
  const [rows, total, categories] = await Promise.all([
    db.product.findMany({
      where,
      orderBy: [{ providerId: "asc" }, { category: "asc" }, { id: "asc" }],
      skip: (f.page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: {
        id: true, upstreamId: true, name: true, category: true, productType: true, stockStatus: true, inventory: true,
        upstreamRate: true, sellRate: true, markupPercent: true, sellRateOverride: true, priceFlag: true, invalidReason: true, min: true, max: true,
        enabled: true, upstreamListed: true, provider: PROVIDER_SELECT,
      },
    }),
    db.product.count({ where }),
    db.product.findMany({ where: f.providerId ? { providerId: f.providerId } : {}, distinct: ["category"], orderBy: { category: "asc" }, select: { category: true } }),
  ]);
  return { rows: rows.map(priced), total, page: f.page, pageSize: CATALOG_PAGE_SIZE, categories: categories.map((c) => c.category) };
}
