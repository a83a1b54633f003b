// The /services catalog, one page at a time: search by name or id, a category filter and a sort
// by price, counted and paged in the database so that 10,000 services cost what 50 cost. The
// queries that need no other answer (the customer's standing, the count, the page, the customer's
// prices) go out together: two round trips in all, the second for the average times of the page.
import { customerServicePricer, PRICED_SERVICE_SELECT } from "@/lib/pricing/customer-service-pricer";
import { z } from "zod";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { averageCompletionTimes, type AverageTime } from "./average-time";
import { isActiveCustomer, serviceSearchWhere, type ServiceDetails } from "./service-search";

export const CATALOG_PAGE_SIZE = 50;

export const CATALOG_SORTS = { category: "Category", price_asc: "Price: low to high", price_desc: "Price: high to low" } as const;

export const ZCatalogQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(Object.keys(CATALOG_SORTS) as [keyof typeof CATALOG_SORTS]).catch("category").default("category"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CatalogQuery = z.input<typeof ZCatalogQuery>;

export type CatalogPage = {
  services: ServiceDetails[];
  total: number;
  page: number;
  pageSize: number;
  query: z.output<typeof ZCatalogQuery>;
};

const ORDER_BY: Record<keyof typeof CATALOG_SORTS, Prisma.ServiceOrderByWithRelationInput[]> = {
  // Within a category, the staff's order (sortOrder, "lower first"), then id: the index's order.
  category: [{ category: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
  price_asc: [{ sellRate: "asc" }, { id: "asc" }],
  price_desc: [{ sellRate: "desc" }, { id: "asc" }],
};

/** `input` is the raw URL query: anything out of bounds falls back to the first page / default sort. */
export async function listCatalogPage(db: Db, customerId: number, input: CatalogQuery | Record<string, unknown>): Promise<CatalogPage> {
  const query = ZCatalogQuery.parse(input);
  const where = serviceSearchWhere(query.q, query.category || undefined);
  const pageRows = (page: number) =>
    db.service.findMany({
      where,
      orderBy: ORDER_BY[query.sort],
      skip: (page - 1) * CATALOG_PAGE_SIZE,
      take: CATALOG_PAGE_SIZE,
      select: {
        id: true, name: true, category: true, type: true, description: true,
        min: true, max: true, refill: true, cancel: true, dripfeed: true, ...PRICED_SERVICE_SELECT,
      },
    });
  // Read together; nothing is returned unless the customer is active.
  const [active, total, requested, priceOf] = await Promise.all([
    isActiveCustomer(db, customerId),
    db.service.count({ where }),
    pageRows(query.page),
    customerServicePricer(db, customerId),
  ]);
  if (!active) return { services: [], total: 0, page: 1, pageSize: CATALOG_PAGE_SIZE, query };
  const pages = Math.max(1, Math.ceil(total / CATALOG_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  // A page past the end (an old link, a narrowed search) shows the last page: one more query.
  const rows = page === query.page ? requested : await pageRows(page);
  const times = await averageCompletionTimes(db, rows.map((row) => row.id));
  const none: AverageTime = { enough: false, orders: 0 };
  return {
    services: rows.map(({ upstreamRate, providerId, ...row }) => ({ ...row, sellRate: priceOf({ ...row, upstreamRate, providerId }), averageTime: times.get(row.id) ?? none })),
    total,
    page,
    pageSize: CATALOG_PAGE_SIZE,
    query: { ...query, page },
  };
}
