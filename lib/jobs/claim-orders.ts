// Claiming due orders with a lease. SKIP LOCKED lets passes run side by side without waiting
// on each other; the lease keeps another pass off an order while this one polls it. A pass
// that dies leaves its leases behind: they simply expire and the orders are claimed again.
// Nothing here moves money, so a claim repeated after a crash cannot double-apply anything.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { OrderKind, OrderState } from "@/lib/db/generated/enums";

export type ClaimedOrder = {
  id: number;
  providerId: number;
  kind: OrderKind;
  state: OrderState;
  upstreamOrderId: string;
  syncFailures: number;
  createdAt: Date;
};

export async function claimDueOrders(
  db: Db,
  options: { owner: string; now: Date; leaseMs: number; limit: number; providerIds?: number[] },
): Promise<ClaimedOrder[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  // Open orders are polled; finished product orders also come back until their results are stored.
  return db.$queryRaw<ClaimedOrder[]>`
    UPDATE "Order" SET "leaseUntil" = ${leaseUntil}, "leaseOwner" = ${options.owner}
    WHERE id IN (
      SELECT id FROM "Order"
      WHERE "upstreamOrderId" IS NOT NULL
        AND (state IN ('pending', 'in_progress')
             OR (kind = 'product' AND state IN ('completed', 'partial') AND "resultsFetched" = false))
        AND "nextSyncAt" <= ${options.now}
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${options.now})
        ${onlyProviders(options.providerIds)}
      ORDER BY "nextSyncAt"
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "providerId", kind, state, "upstreamOrderId", "syncFailures", "createdAt"`;
}

/** `AND "providerId" IN (…)` when the pass is limited to some providers; nothing otherwise. */
export function onlyProviders(providerIds: number[] | undefined, column = Prisma.raw('"providerId"')): Prisma.Sql {
  if (!providerIds) return Prisma.empty;
  if (providerIds.length === 0) return Prisma.sql`AND false`;
  return Prisma.sql`AND ${column} IN (${Prisma.join(providerIds)})`;
}
