// Reports against the ledger on the real PostgreSQL: orders placed in March and April 2020 (no
// other test uses those dates) with every kind of refund, a cost-unknown order and an upstream
// that reports its own charge in another currency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import { refundOrderManually } from "@/lib/ledger/refund-manual";
import { createChargedOrder, createCustomer, settleTestOrder } from "@/lib/testing/fixtures";
import { uniqueLabel as unique } from "@/lib/testing/fixtures";
import { moneyReport, moneyTotals } from "./money-report";

let db: Db;
const ids: Record<string, number> = {};
const window = { from: new Date("2020-03-01T00:00:00Z"), to: new Date("2020-05-01T00:00:00Z") };

beforeAll(async () => {
  db = await getDb();
  const provider = async (exchangeRate: string) =>
    (await db.provider.create({ data: { name: unique("report"), apiUrl: "http://127.0.0.1:9/api/v2", apiKeyEncrypted: "none", exchangeRate } })).id;
  ids.usd = await provider("1");
  ids.eur = await provider("2");
  ids.a = await createCustomer(db, "100");
  ids.b = await createCustomer(db, "100");
  // Placed and settled as production does (the worker's refunds included); only the dates and
  // costs the report groups by are then written back in time.
  const order = async (customerId: number, providerId: number, charge: string, settled: "completed" | "partial" | "canceled", data: Record<string, unknown>) => {
    const id = await createChargedOrder(db, customerId, { charge, quantity: 1000, providerId });
    await settleTestOrder(db, id, settled, settled === "partial" ? 250 : null);
    await db.order.update({ where: { id }, data });
    return id;
  };
  ids.completed = await order(ids.a, ids.usd, "10", "completed", { upstreamCost: "6", createdAt: new Date("2020-03-02T10:00:00Z") });
  ids.partial = await order(ids.a, ids.usd, "4", "partial", { upstreamCost: "2", createdAt: new Date("2020-03-03T23:59:59Z") });
  ids.canceled = await order(ids.a, ids.usd, "3", "canceled", { upstreamCost: "2", createdAt: new Date("2020-03-09T00:00:00Z") });
  ids.old = await order(ids.a, ids.usd, "5", "completed", { upstreamCost: null, createdAt: new Date("2020-03-31T23:00:00Z") });
  ids.reported = await order(ids.b, ids.eur, "2", "completed", { upstreamCost: "1", createdAt: new Date("2020-04-01T00:00:00Z") });
  // What the upstream reported it charged, in its currency (the status poll writes it).
  await db.order.update({ where: { id: ids.reported }, data: { upstreamCharge: "0.9", upstreamCurrency: "EUR" } });
  const service = await db.service.create({
    data: { providerId: ids.usd, upstreamId: unique("s"), name: "Report likes", type: "Default", category: "R", upstreamRate: "1", sellRate: "1", min: 1, max: 10 },
  });
  ids.service = service.id;
  await db.order.updateMany({ where: { id: { in: [ids.completed, ids.partial] } }, data: { serviceId: service.id } });
  expect(await refundOrderManually(db, { orderId: ids.old, amount: "1", reason: "report test" }, null)).toMatchObject({ ok: true });
});
afterAll(closeDb);

describe("money report", () => {
  it("totals match the ledger: revenue is charges minus refunds; profit only where cost is known", async () => {
    const total = await moneyTotals(db, window);
    const ledger = await db.ledgerEntry.groupBy({
      by: ["kind"],
      where: { order: { createdAt: { gte: window.from, lt: window.to } } },
      _sum: { amount: true },
    });
    const charged = ledger.filter((l) => l.kind === "charge").reduce((s, l) => s.minus(l._sum.amount!.toFixed()), new Decimal(0));
    const refunded = ledger.filter((l) => l.kind.startsWith("refund")).reduce((s, l) => s.plus(l._sum.amount!.toFixed()), new Decimal(0));
    expect(total).toMatchObject({
      orders: 5,
      charged: charged.toFixed(6),
      refunded: refunded.toFixed(6),
      revenue: charged.minus(refunded).toFixed(6),
    });
    expect(total).toMatchObject({
      charged: "24.000000", refunded: "5.000000", revenue: "19.000000",
      // cost 6 + 2 × 750/1000 + 0 (canceled) + 1; revenue of those orders 10 + 3 + 0 + 2
      costKnownOrders: 4, cost: "8.500000", costKnownRevenue: "15.000000", profit: "6.500000",
      costUnknownOrders: 1, costUnknownRevenue: "4.000000",
      upstreamReported: "1.800000", upstreamReportedOrders: 1,
    });
  });

  it("per UTC day, ISO week and month", async () => {
    const days = await moneyReport(db, { ...window, group: "period", period: "day" });
    expect(days.map((d) => [d.label, d.revenue, d.orders])).toEqual([
      ["2020-03-02", "10.000000", 1],
      ["2020-03-03", "3.000000", 1],
      ["2020-03-09", "0.000000", 1],
      ["2020-03-31", "4.000000", 1],
      ["2020-04-01", "2.000000", 1],
    ]);
    expect(days[0].key).toBe("2020-03-02T00:00:00Z");
    const weeks = await moneyReport(db, { ...window, group: "period", period: "week" });
    expect(weeks.map((w) => [w.label, w.revenue, w.profit])).toEqual([
      ["2020-03-02", "13.000000", "5.500000"],
      ["2020-03-09", "0.000000", "0.000000"],
      ["2020-03-30", "6.000000", "1.000000"],
    ]);
    const months = await moneyReport(db, { ...window, group: "period", period: "month" });
    expect(months.map((m) => [m.label, m.revenue, m.costUnknownOrders])).toEqual([
      ["2020-03-01", "17.000000", 1],
      ["2020-04-01", "2.000000", 0],
    ]);
  });

  it("by provider and by customer, biggest revenue first; the window bounds are [from, to)", async () => {
    const providers = await moneyReport(db, { ...window, group: "provider" });
    expect(providers.map((p) => [Number(p.key), p.revenue, p.upstreamReported])).toEqual([
      [ids.usd, "17.000000", "0.000000"],
      [ids.eur, "2.000000", "1.800000"],
    ]);
    const customers = await moneyReport(db, { ...window, group: "customer" });
    expect(customers.map((c) => [Number(c.key), c.revenue])).toEqual([
      [ids.a, "17.000000"],
      [ids.b, "2.000000"],
    ]);
    const services = await moneyReport(db, { ...window, group: "service" });
    expect(services.find((r) => r.key === `service:${ids.service}`)).toMatchObject({ label: "Report likes", orders: 2, revenue: "13.000000", cost: "7.500000", profit: "5.500000" });
    const march = await moneyTotals(db, { from: window.from, to: new Date("2020-04-01T00:00:00Z") });
    expect(march.orders).toBe(4);
    const none = await moneyTotals(db, { from: new Date("2019-01-01T00:00:00Z"), to: new Date("2019-02-01T00:00:00Z") });
    expect(none).toMatchObject({ orders: 0, revenue: "0.000000" });
  });
});
