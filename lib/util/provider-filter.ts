// The optional "only these providers" condition of worker SQL (a worker per provider; tests that
// share one database), shared by order and refill claims.
import { Prisma } from "@/lib/db/generated/client";

/** `AND "providerId" IN (…)` when the pass is limited to some providers; nothing otherwise. */
export function onlyProviders(providerIds: number[] | undefined, column = Prisma.raw('"providerId"')): Prisma.Sql {
  if (!providerIds) return Prisma.empty;
  if (providerIds.length === 0) return Prisma.sql`AND false`;
  return Prisma.sql`AND ${column} IN (${Prisma.join(providerIds)})`;
}
