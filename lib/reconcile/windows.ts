// Reads a provider's unknown orders with their id windows. Upstream ids grow, so an order's id
// lies above the last id answered to us before its add left, and below the first id of an order
// whose add left after this one could no longer be in flight (the provider's timeout plus
// RECONCILE_IN_FLIGHT_SECONDS). Ids of both kinds count as claimed: some panels number service
// and product orders from one sequence.
import type { Db } from "@/lib/db/connection";
import type { OrderKind } from "@/lib/db/generated/enums";
import { Decimal } from "@/lib/money";

export type UnknownOrderRow = {
  id: number;
  quantity: number;
  upstreamCost: Decimal | null;
  submitStartedAt: Date;
  nextSyncAt: Date;
  flag: string | null;
  lower: bigint | null;
  lowerOrderId: number | null;
  upper: bigint | null;
  upperOrderId: number | null;
  /** Another add of ours, sent before the upper neighbour's, has no recorded answer yet. */
  inFlightNeighbour: boolean;
};

const NUMERIC_ID = "^[0-9]{1,18}$";

/** Every unknown order of this provider and kind that was sent (its add left), oldest first. */
export async function loadUnknownOrders(db: Db, providerId: number, kind: OrderKind, inFlightMs: number): Promise<UnknownOrderRow[]> {
  const rows = await db.$queryRaw<
    { id: number; quantity: number; upstream_cost: string | null; submit_started_at: Date; next_sync_at: Date; flag: string | null; lower: string | null; lower_order: number | null; upper: string | null; upper_order: number | null; in_flight: boolean }[]
  >`
    SELECT o.id, o.quantity, o."upstreamCost"::text AS upstream_cost, o."submitStartedAt" AS submit_started_at, o."nextSyncAt" AS next_sync_at, o.flag,
      lo.uid::text AS lower, lo.id AS lower_order, up.uid::text AS upper, up.id AS upper_order,
      EXISTS (
        SELECT 1 FROM "Order" p
        WHERE p."providerId" = o."providerId" AND p.kind = o.kind AND p.state = 'pending_submit' AND p."submitStartedAt" IS NOT NULL AND p.id <> o.id
          AND (up.sent IS NULL OR p."submitStartedAt" < up.sent)
      ) AS in_flight
    FROM "Order" o
    LEFT JOIN LATERAL (
      SELECT a.id, (CASE WHEN a."upstreamOrderId" ~ ${NUMERIC_ID} THEN a."upstreamOrderId"::numeric END) AS uid
      FROM "Order" a
      WHERE a."providerId" = o."providerId" AND a.kind = o.kind AND a."upstreamOrderId" ~ ${NUMERIC_ID} AND a."submittedAt" < o."submitStartedAt"
      ORDER BY 2 DESC LIMIT 1
    ) lo ON true
    LEFT JOIN LATERAL (
      SELECT a.id, a."submitStartedAt" AS sent, (CASE WHEN a."upstreamOrderId" ~ ${NUMERIC_ID} THEN a."upstreamOrderId"::numeric END) AS uid
      FROM "Order" a
      WHERE a."providerId" = o."providerId" AND a.kind = o.kind AND a."upstreamOrderId" ~ ${NUMERIC_ID}
        AND a."submitStartedAt" > o."submitStartedAt" + ${inFlightMs} * interval '1 millisecond'
      ORDER BY 3 ASC LIMIT 1
    ) up ON true
    WHERE o."providerId" = ${providerId} AND o.kind = ${kind}::"OrderKind" AND o.state = 'unknown' AND o."upstreamOrderId" IS NULL
      AND o."submitStartedAt" IS NOT NULL
    ORDER BY o."submitStartedAt", o.id`;
  return rows.map((r) => ({
    id: r.id,
    quantity: r.quantity,
    upstreamCost: r.upstream_cost === null ? null : new Decimal(r.upstream_cost),
    submitStartedAt: r.submit_started_at,
    nextSyncAt: r.next_sync_at,
    flag: r.flag,
    lower: r.lower === null ? null : BigInt(r.lower),
    lowerOrderId: r.lower_order,
    upper: r.upper === null ? null : BigInt(r.upper),
    upperOrderId: r.upper_order,
    inFlightNeighbour: r.in_flight,
  }));
}

/** The numeric upstream ids our orders of this provider claim between `from` and `to` (inclusive), any kind. */
export async function claimedIdsBetween(db: Db, providerId: number, from: bigint, to: bigint): Promise<Set<bigint>> {
  const rows = await db.$queryRaw<{ uid: string }[]>`
    SELECT "upstreamOrderId" AS uid FROM "Order"
    WHERE "providerId" = ${providerId} AND "upstreamOrderId" ~ ${NUMERIC_ID}
      AND (CASE WHEN "upstreamOrderId" ~ ${NUMERIC_ID} THEN "upstreamOrderId"::numeric END) BETWEEN ${from.toString()}::numeric AND ${to.toString()}::numeric`;
  return new Set(rows.map((r) => BigInt(r.uid)));
}

/** The largest numeric upstream id of ours on this provider (the canary goes far above it). */
export async function highestClaimedId(db: Db, providerId: number): Promise<bigint | null> {
  const [row] = await db.$queryRaw<{ uid: string | null }[]>`
    SELECT max(CASE WHEN "upstreamOrderId" ~ ${NUMERIC_ID} THEN "upstreamOrderId"::numeric END)::text AS uid FROM "Order" WHERE "providerId" = ${providerId}`;
  return row?.uid ? BigInt(row.uid) : null;
}
