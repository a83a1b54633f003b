// Claiming due orders with a lease. SKIP LOCKED lets passes run side by side without waiting
// on each other; the lease keeps another pass off an order while this one polls it. The pass
// renews its leases while it runs (renewClaims), so a lease can be short: a pass that dies stops
// renewing and its orders are claimed again after WORKER_LEASE_SECONDS, not minutes.
// Nothing here moves money, so a claim repeated after a crash cannot double-apply anything.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { OrderKind, OrderState } from "@/lib/db/generated/enums";
import { DELIVERED_STATES, OPEN_STATES } from "@/lib/orders/state-machine";
import { onlyProviders } from "@/lib/util/provider-filter";

export type ClaimedOrder = {
  id: number;
  providerId: number;
  kind: OrderKind;
  state: OrderState;
  upstreamOrderId: string;
  syncFailures: number;
  createdAt: Date;
  /** What settling plans from: the order's money (never changes) and its flag as claimed. */
  userId: number;
  charge: string;
  quantity: number;
  flag: string | null;
};

const stateList = (states: readonly OrderState[]) => Prisma.join(states.map((s) => Prisma.sql`${s}::"OrderState"`));

export async function claimDueOrders(
  db: Db,
  options: { owner: string; now: Date; leaseMs: number; limit: number; providerIds?: number[] },
): Promise<ClaimedOrder[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  // Open orders are polled; delivered product orders also come back until their results are stored.
  return db.$queryRaw<ClaimedOrder[]>`
    UPDATE "Order" SET "leaseUntil" = ${leaseUntil}, "leaseOwner" = ${options.owner}
    WHERE id IN (
      SELECT id FROM "Order"
      WHERE "upstreamOrderId" IS NOT NULL
        AND (state IN (${stateList(OPEN_STATES)})
             OR (kind = 'product' AND state IN (${stateList(DELIVERED_STATES)}) AND "resultsFetched" = false))
        AND "nextSyncAt" <= ${options.now}
        AND ("leaseUntil" IS NULL OR "leaseUntil" < ${options.now})
        ${onlyProviders(options.providerIds)}
      ORDER BY "nextSyncAt"
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "providerId", kind, state, "upstreamOrderId", "syncFailures", "createdAt", "userId", charge::text AS charge, quantity, flag`;
}

/**
 * Pushes the leases this owner still holds to `until`. Released orders (leaseUntil null) and
 * orders another pass took over (another owner) are left alone.
 */
export async function renewClaims(db: Db, owner: string, orderIds: number[], until: Date): Promise<number> {
  if (orderIds.length === 0) return 0;
  return db.$executeRaw`
    UPDATE "Order" SET "leaseUntil" = ${until}
    WHERE id = ANY(${orderIds}::int[]) AND "leaseOwner" = ${owner} AND "leaseUntil" IS NOT NULL AND "leaseUntil" < ${until}`;
}
