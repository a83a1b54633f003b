// The pictures on the staff overview: orders, revenue and profit per UTC day for the last 30
// days, every order by its state now, and the 30 days' top services by revenue. All of it is
// aggregated by PostgreSQL (the reports' own set-based query, lib/reports/money-report.ts, and one
// GROUP BY state), so the page reads at most 30 + 8 + 8 rows whatever the number of orders. Money
// stays exact decimal strings; the charts make numbers of them only for bar heights.
import type { Db } from "@/lib/db/connection";
import { assertStaff, type StaffActor } from "@/lib/admin/authorize";
import { ORDER_STATES } from "@/lib/orders/state-machine";
import { fillPeriods } from "@/lib/reports/fill-periods";
import { moneyReport } from "@/lib/reports/money-report";
import type { OrderState } from "@/lib/db/generated/enums";

export const CHART_DAYS = 30;
export const TOP_SERVICES = 8;

export type DayPoint = { day: string; orders: number; revenue: string; profit: string; costUnknownOrders: number };
export type StatePoint = { state: OrderState; orders: number };
export type ServicePoint = { key: string; name: string; orders: number; revenue: string; profit: string };
export type StaffCharts = { days: DayPoint[]; states: StatePoint[]; services: ServicePoint[]; from: Date; to: Date };

export async function getStaffCharts(db: Db, actor: StaffActor, now = new Date()): Promise<StaffCharts> {
  assertStaff(actor);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - CHART_DAYS * 86_400_000);
  const [perDay, states, services] = await Promise.all([
    moneyReport(db, { from, to, group: "period", period: "day" }),
    db.order.groupBy({ by: ["state"], _count: { _all: true } }),
    moneyReport(db, { from, to, group: "service", limit: TOP_SERVICES }),
  ]);
  const count = new Map(states.map((s) => [s.state, s._count._all]));
  return {
    from,
    to,
    days: fillPeriods(perDay, { from, to }, "day").map((r) => ({ day: r.label, orders: r.orders, revenue: r.revenue, profit: r.profit, costUnknownOrders: r.costUnknownOrders })),
    // Every state, in the state machine's order, a state with no order as zero.
    states: ORDER_STATES.map((state) => ({ state, orders: count.get(state) ?? 0 })),
    services: services.map((r) => ({ key: r.key, name: r.label, orders: r.orders, revenue: r.revenue, profit: r.profit })),
  };
}
