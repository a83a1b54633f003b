// The staff overview's charts on the real database: 30 UTC days with quiet days as zero, money as
// exact strings (sixth decimal kept), every order state listed, top services by revenue; staff only.
// The orders are placed in a window of their own (2090) so other test files' orders stay out of it.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { createChargedOrder, createCustomer, withActorsAndSimulatorProvider, type Actors } from "@/lib/testing/fixtures";
import { ORDER_STATES } from "@/lib/orders/state-machine";
import { CHART_DAYS, getStaffCharts } from "./staff-charts";

let db: Db;
let actors: Actors;
let providerId: number;
withActorsAndSimulatorProvider({ seed: 8, services: 4, products: 0, markup: "10" }, (ready) => ({ db, actors, providerId } = ready));

describe("staff charts", () => {
  it("orders, revenue and profit per day for 30 days, orders by state and top services, set-based and exact", async () => {
    const [first, second] = await db.service.findMany({ where: { providerId }, orderBy: { id: "asc" }, take: 2 });
    const customerId = await createCustomer(db, "100");
    const placed = [
      { charge: "1.000001", day: "2090-03-10T05:00:00Z", serviceId: first.id, cost: "0.400000" },
      { charge: "2.500000", day: "2090-03-10T23:59:59Z", serviceId: first.id, cost: "1.000000" },
      { charge: "0.333333", day: "2090-03-12T00:00:00Z", serviceId: second.id, cost: null },
    ];
    for (const p of placed) {
      const id = await createChargedOrder(db, customerId, { charge: p.charge, quantity: 100, providerId });
      await db.order.update({ where: { id }, data: { createdAt: new Date(p.day), serviceId: p.serviceId, upstreamCost: p.cost } });
    }
    await expect(getStaffCharts(db, actors.customer)).rejects.toThrow("Staff only.");
    const charts = await getStaffCharts(db, actors.staff, new Date("2090-03-20T12:00:00Z"));

    expect(charts.days).toHaveLength(CHART_DAYS);
    // 2090-02-19 … 2090-03-20 (February has 28 days).
    expect(charts.days[0].day).toBe("2090-02-19");
    expect(charts.days.at(-1)!.day).toBe("2090-03-20");
    const day = (d: string) => charts.days.find((p) => p.day === d);
    expect(day("2090-03-10")).toEqual({ day: "2090-03-10", orders: 2, revenue: "3.500001", profit: "2.100001", costUnknownOrders: 0 });
    expect(day("2090-03-11")).toEqual({ day: "2090-03-11", orders: 0, revenue: "0.000000", profit: "0.000000", costUnknownOrders: 0 });
    expect(day("2090-03-12")).toMatchObject({ orders: 1, revenue: "0.333333", profit: "0.000000", costUnknownOrders: 1 });

    expect(charts.states.map((s) => s.state)).toEqual([...ORDER_STATES]);
    expect(charts.states.find((s) => s.state === "pending")!.orders).toBeGreaterThanOrEqual(3);

    expect(charts.services.map((s) => [s.name, s.orders, s.revenue])).toEqual([
      [first.name, 2, "3.500001"],
      [second.name, 1, "0.333333"],
    ]);
  });
});
