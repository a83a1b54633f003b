// The service picker's server side: categories, a bounded search by name or id, and one
// service's details. The catalog is never sent whole to the browser (10,000 services); every
// answer holds at most SEARCH_LIMIT services, and only what a customer may see (no upstream ids,
// costs or providers). Callers pass the signed-in customer: a missing or suspended one gets nothing.
// The customer's standing is read together with the answer (one round trip, not two); nothing
// read is returned unless the customer is active.
import { customerServicePricer, PRICED_SERVICE_SELECT } from "@/lib/pricing/customer-service-pricer";
import type { Db } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { averageCompletionTimes, type AverageTime } from "./average-time";

export const SEARCH_LIMIT = 50;

/** What the picker lists for each match. */
export type ServiceOption = { id: number; name: string; category: string; sellRate: string };

/** What the form shows beside the chosen service, and what its live price needs. */
export type ServiceDetails = ServiceOption & {
  type: string;
  description: string | null;
  min: number;
  max: number;
  refill: boolean;
  cancel: boolean;
  dripfeed: boolean;
  averageTime: AverageTime;
};

export const ORDERABLE_SERVICE = { enabled: true, upstreamListed: true, provider: { enabled: true } } satisfies Prisma.ServiceWhereInput;

export async function isActiveCustomer(db: Db, customerId: number): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: customerId }, select: { status: true } });
  return user?.status === "active";
}

export async function listServiceCategories(db: Db, customerId: number): Promise<{ category: string; services: number }[]> {
  const [active, rows] = await Promise.all([
    isActiveCustomer(db, customerId),
    db.service.groupBy({ by: ["category"], where: ORDERABLE_SERVICE, _count: { _all: true }, orderBy: { category: "asc" } }),
  ]);
  if (!active) return [];
  return rows.map((row) => ({ category: row.category, services: row._count._all }));
}

/** Text that is a whole number also matches the service with that id (customers paste ids). */
export function serviceSearchWhere(query: string | undefined, category: string | undefined): Prisma.ServiceWhereInput {
  const text = query?.trim().slice(0, 200) ?? "";
  const id = /^#?\d{1,9}$/.test(text) ? Number(text.replace("#", "")) : null;
  const words = text.split(/\s+/).filter(Boolean).slice(0, 8);
  const byText: Prisma.ServiceWhereInput = { AND: words.map((word) => ({ name: { contains: word, mode: "insensitive" as const } })) };
  return {
    ...ORDERABLE_SERVICE,
    ...(category ? { category } : {}),
    ...(text ? { OR: id !== null ? [{ id }, byText] : [byText] } : {}),
  };
}

export async function searchServices(
  db: Db,
  customerId: number,
  input: { query?: string; category?: string; limit?: number },
): Promise<ServiceOption[]> {
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? SEARCH_LIMIT)), SEARCH_LIMIT);
  const [active, rows, priceOf] = await Promise.all([
    isActiveCustomer(db, customerId),
    db.service.findMany({
      where: serviceSearchWhere(input.query, input.category),
      // The staff's order within a category (sortOrder), as on /services; also the index's order.
      orderBy: [{ category: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, name: true, category: true, ...PRICED_SERVICE_SELECT },
    }),
    customerServicePricer(db, customerId),
  ]);
  if (!active) return [];
  // A typed id puts that service first.
  const id = /^#?\d{1,9}$/.test(input.query?.trim() ?? "") ? Number(input.query!.trim().replace("#", "")) : null;
  const ordered = id === null ? rows : [...rows.filter((row) => row.id === id), ...rows.filter((row) => row.id !== id)];
  return ordered.map((row) => ({ id: row.id, name: row.name, category: row.category, sellRate: priceOf(row) }));
}

export async function getServiceDetails(db: Db, customerId: number, serviceId: number): Promise<ServiceDetails | null> {
  if (!Number.isSafeInteger(serviceId) || serviceId <= 0) return null;
  const [active, row, times, priceOf] = await Promise.all([
    isActiveCustomer(db, customerId),
    db.service.findFirst({
      where: { id: serviceId, ...ORDERABLE_SERVICE },
      select: {
        id: true, name: true, category: true, type: true, description: true,
        min: true, max: true, refill: true, cancel: true, dripfeed: true, ...PRICED_SERVICE_SELECT,
      },
    }),
    averageCompletionTimes(db, [serviceId]),
    customerServicePricer(db, customerId),
  ]);
  if (!active || !row) return null;
  const { upstreamRate, providerId, ...shown } = row;
  return { ...shown, sellRate: priceOf(row), averageTime: times.get(row.id) ?? { enough: false, orders: 0 } };
}
