// Revenue, upstream cost and profit of orders, aggregated by PostgreSQL (GROUP BY date_trunc), so
// a report over 100,000 orders sends a few hundred rows to the app, not the orders themselves.
//
// Counting rules, stated on the page too:
// - Every figure is in the panel currency; periods are UTC days, ISO weeks (Monday) and months.
// - An order belongs to the period it was placed in; its refunds count against that period even
//   when they came later, so an order's revenue is its charge minus all its refunds (ledger).
// - Cost is Order.upstreamCost (the rate we paid at placement), none for failed or canceled
//   orders (the upstream returns it) and the delivered share of a partial one. Orders placed
//   before costs were recorded have none: they are counted as "cost unknown", and profit covers
//   only the orders whose cost is known — never a cost of zero pretended.
// - The upstream's own reported charge (Order.upstreamCharge, converted at the provider's current
//   exchange rate) is summed beside the cost so the two can be compared.
import { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/connection";
import type { Tx } from "@/lib/ledger/transaction";
import { Decimal, toLedgerString } from "@/lib/money";

import type { ReportGroup, ReportPeriod } from "./groups";

export type ReportRow = {
  /** The period's first instant (ISO, UTC) or the service/provider/customer id. */
  key: string;
  label: string;
  orders: number;
  charged: string;
  refunded: string;
  /** charged − refunded */
  revenue: string;
  /** Orders with a recorded upstream cost, their revenue, their cost and revenue − cost. */
  costKnownOrders: number;
  costKnownRevenue: string;
  cost: string;
  profit: string;
  costUnknownOrders: number;
  costUnknownRevenue: string;
  /** What the upstreams themselves reported charging, converted; and for how many orders. */
  upstreamReported: string;
  upstreamReportedOrders: number;
};

export type ReportQuery = { from: Date; to: Date; group: ReportGroup | "total"; period?: ReportPeriod; limit?: number };

const REFUND_KINDS = Prisma.sql`('refund_failed', 'refund_partial', 'refund_canceled', 'refund_manual')`;

function groupSql(group: ReportQuery["group"], period: ReportPeriod) {
  switch (group) {
    case "total":
      return { key: Prisma.sql`'total'`, label: Prisma.sql`'Total'`, join: Prisma.empty, order: Prisma.sql`1` };
    case "period":
      return {
        key: Prisma.sql`to_char(date_trunc(${period}, o."createdAt"), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
        label: Prisma.sql`to_char(date_trunc(${period}, o."createdAt"), 'YYYY-MM-DD')`,
        join: Prisma.empty,
        order: Prisma.sql`key ASC`,
      };
    case "service":
      return {
        key: Prisma.sql`CASE WHEN o."serviceId" IS NOT NULL THEN 'service:' || o."serviceId" ELSE 'product:' || o."productId" END`,
        label: Prisma.sql`COALESCE(s.name, pr.name, '—')`,
        join: Prisma.sql`LEFT JOIN "Service" s ON s.id = o."serviceId" LEFT JOIN "Product" pr ON pr.id = o."productId"`,
        order: Prisma.sql`SUM(o.revenue) DESC, key ASC`,
      };
    case "provider":
      return { key: Prisma.sql`o."providerId"::text`, label: Prisma.sql`MIN(p.name)`, join: Prisma.empty, order: Prisma.sql`SUM(o.revenue) DESC, key ASC` };
    case "customer":
      return {
        key: Prisma.sql`o."userId"::text`,
        label: Prisma.sql`MIN(u.email)`,
        join: Prisma.sql`JOIN "User" u ON u.id = o."userId"`,
        order: Prisma.sql`SUM(o.revenue) DESC, key ASC`,
      };
  }
}

type RawRow = Record<keyof ReportRow, string> & { orders: bigint; costKnownOrders: bigint; costUnknownOrders: bigint; upstreamReportedOrders: bigint };

/** One row per group, in the window [from, to). `limit` bounds the non-period groupings. */
export async function moneyReport(db: Db | Tx, q: ReportQuery): Promise<ReportRow[]> {
  const g = groupSql(q.group, q.period ?? "day");
  // Periods are all returned (5 years of days is under 2,000 rows); other groupings the top `limit`.
  const limit = q.group === "period" ? 10_000 : Math.min(Math.max(1, q.limit ?? 100), 10_000);
  // Period and service labels are expressions of their own, so they join the GROUP BY; the others aggregate theirs.
  const groupBy = q.group === "service" || q.group === "period" ? Prisma.sql`GROUP BY 1, 2` : q.group === "total" ? Prisma.empty : Prisma.sql`GROUP BY 1`;
  const rows = await db.$queryRaw<RawRow[]>`
    WITH money AS (
      SELECT e."orderId",
             -COALESCE(SUM(e.amount) FILTER (WHERE e.kind = 'charge'), 0) AS charged,
             COALESCE(SUM(e.amount) FILTER (WHERE e.kind IN ${REFUND_KINDS}), 0) AS refunded
        FROM "LedgerEntry" e
        JOIN "Order" o ON o.id = e."orderId"
       WHERE o."createdAt" >= ${q.from} AND o."createdAt" < ${q.to}
       GROUP BY e."orderId"
    ), o AS (
      SELECT o.id, o."createdAt", o."serviceId", o."productId", o."providerId", o."userId",
             COALESCE(m.charged, 0) AS charged, COALESCE(m.refunded, 0) AS refunded,
             COALESCE(m.charged, 0) - COALESCE(m.refunded, 0) AS revenue,
             CASE
               WHEN o."upstreamCost" IS NULL THEN NULL
               WHEN o.state IN ('failed', 'canceled') THEN 0
               WHEN o.state = 'partial' AND o.remains IS NOT NULL AND o.quantity > 0
                 THEN round(o."upstreamCost" * GREATEST(o.quantity - LEAST(GREATEST(o.remains, 0), o.quantity), 0) / o.quantity, 6)
               ELSE o."upstreamCost"
             END AS cost,
             o."upstreamCharge" * p."exchangeRate" AS reported
        FROM "Order" o
        JOIN "Provider" p ON p.id = o."providerId"
        LEFT JOIN money m ON m."orderId" = o.id
       WHERE o."createdAt" >= ${q.from} AND o."createdAt" < ${q.to}
    )
    SELECT ${g.key} AS key, ${g.label} AS label,
           COUNT(*) AS orders,
           COALESCE(SUM(o.charged), 0)::text AS charged,
           COALESCE(SUM(o.refunded), 0)::text AS refunded,
           COALESCE(SUM(o.revenue), 0)::text AS revenue,
           COUNT(*) FILTER (WHERE o.cost IS NOT NULL) AS "costKnownOrders",
           COALESCE(SUM(o.revenue) FILTER (WHERE o.cost IS NOT NULL), 0)::text AS "costKnownRevenue",
           COALESCE(SUM(o.cost), 0)::text AS cost,
           (COALESCE(SUM(o.revenue) FILTER (WHERE o.cost IS NOT NULL), 0) - COALESCE(SUM(o.cost), 0))::text AS profit,
           COUNT(*) FILTER (WHERE o.cost IS NULL) AS "costUnknownOrders",
           COALESCE(SUM(o.revenue) FILTER (WHERE o.cost IS NULL), 0)::text AS "costUnknownRevenue",
           COALESCE(SUM(o.reported), 0)::text AS "upstreamReported",
           COUNT(o.reported) AS "upstreamReportedOrders"
      FROM o
      JOIN "Provider" p ON p.id = o."providerId"
      ${g.join}
     ${groupBy}
     ORDER BY ${g.order}
     LIMIT ${limit}`;
  return rows.map((r) => ({
    ...r,
    key: String(r.key),
    label: String(r.label),
    orders: Number(r.orders),
    costKnownOrders: Number(r.costKnownOrders),
    costUnknownOrders: Number(r.costUnknownOrders),
    upstreamReportedOrders: Number(r.upstreamReportedOrders),
    ...money(r),
  }));
}

/** numeric::text may carry trailing zeros or more decimals; shown with the ledger's 6, exactly. */
function money(r: RawRow) {
  const fields = ["charged", "refunded", "revenue", "costKnownRevenue", "cost", "profit", "costUnknownRevenue", "upstreamReported"] as const;
  return Object.fromEntries(fields.map((f) => [f, toLedgerString(new Decimal(r[f]))])) as Pick<ReportRow, (typeof fields)[number]>;
}

const EMPTY_TOTAL: ReportRow = {
  key: "total", label: "Total", orders: 0, charged: "0.000000", refunded: "0.000000", revenue: "0.000000", costKnownOrders: 0,
  costKnownRevenue: "0.000000", cost: "0.000000", profit: "0.000000", costUnknownOrders: 0, costUnknownRevenue: "0.000000",
  upstreamReported: "0.000000", upstreamReportedOrders: 0,
};

/** Totals of the whole window: one row, the same columns (zeros when there is no order). */
export async function moneyTotals(db: Db | Tx, window: { from: Date; to: Date }): Promise<ReportRow> {
  const [row] = await moneyReport(db, { ...window, group: "total" });
  return row ?? EMPTY_TOTAL;
}
