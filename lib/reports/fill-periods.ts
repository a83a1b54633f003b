// A time series shows every period of the window, a quiet day as zero rather than a gap that
// would make two distant days look adjacent. Periods start as PostgreSQL's date_trunc starts
// them in UTC: midnight, Monday, the 1st.
import type { ReportPeriod } from "./groups";
import type { ReportRow } from "./money-report";

const ZERO = "0.000000";

function periodStart(date: Date, period: ReportPeriod): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (period === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (period === "month") d.setUTCDate(1);
  return d;
}

function next(date: Date, period: ReportPeriod): Date {
  const d = new Date(date);
  if (period === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (period === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
}

const keyOf = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export function fillPeriods(rows: ReportRow[], window: { from: Date; to: Date }, period: ReportPeriod): ReportRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const out: ReportRow[] = [];
  for (let d = periodStart(window.from, period); d < window.to; d = next(d, period)) {
    const key = keyOf(d);
    out.push(
      byKey.get(key) ?? {
        key, label: key.slice(0, 10), orders: 0, charged: ZERO, refunded: ZERO, revenue: ZERO, costKnownOrders: 0, costKnownRevenue: ZERO,
        cost: ZERO, profit: ZERO, costUnknownOrders: 0, costUnknownRevenue: ZERO, upstreamReported: ZERO, upstreamReportedOrders: 0,
      },
    );
  }
  return out;
}
