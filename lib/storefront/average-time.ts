// "Average time" beside a service: how long our own customers' orders of it took, from the
// moment we sent them upstream to Completed, per 1000 units. Computed in SQL over each service's
// latest completed orders (index Order(serviceId, state, finishedAt)), so a page of 50 services
// costs one query however many orders there are.
import type { Db } from "@/lib/db/connection";

/** Below this many completed orders a service shows "not enough data". */
export const AVERAGE_TIME_MIN_ORDERS = 5;
/** Only the latest orders count: a provider's speed changes over time. */
export const AVERAGE_TIME_RECENT_ORDERS = 50;

export type AverageTime =
  | { enough: true; secondsPer1000: number; orders: number }
  | { enough: false; orders: number };

export async function averageCompletionTimes(db: Db, serviceIds: readonly number[]): Promise<Map<number, AverageTime>> {
  const ids = [...new Set(serviceIds)].filter((id) => Number.isSafeInteger(id));
  const result = new Map<number, AverageTime>();
  if (ids.length === 0) return result;
  const rows = await db.$queryRaw<{ serviceId: number; orders: number; secondsPer1000: number | null }[]>`
    SELECT s.id AS "serviceId", t.orders, t.seconds_per_1000 AS "secondsPer1000"
    FROM unnest(${ids}::int[]) AS s(id)
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS orders,
             avg(extract(epoch FROM (o."finishedAt" - o."submittedAt")) * 1000.0 / o.quantity)::float8 AS seconds_per_1000
      FROM (
        SELECT "finishedAt", "submittedAt", quantity FROM "Order"
        WHERE "serviceId" = s.id AND state = 'completed' AND "finishedAt" IS NOT NULL
          AND "submittedAt" IS NOT NULL AND quantity > 0
        ORDER BY "finishedAt" DESC
        LIMIT ${AVERAGE_TIME_RECENT_ORDERS}
      ) o
    ) t`;
  for (const row of rows) {
    result.set(
      row.serviceId,
      row.orders >= AVERAGE_TIME_MIN_ORDERS && row.secondsPer1000 !== null
        ? { enough: true, secondsPer1000: Math.max(0, Math.round(row.secondsPer1000)), orders: row.orders }
        : { enough: false, orders: row.orders },
    );
  }
  return result;
}

/** "2 h 5 min", "12 min", "40 s" — for people, not machines. */
export function describeDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export function describeAverageTime(time: AverageTime | undefined): string {
  if (!time || !time.enough) return "Not enough data";
  return `${describeDuration(time.secondsPer1000)} per 1000`;
}
