import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { partialRefund } from "@/lib/money";
import { placeOrder } from "@/lib/orders/place-order";
import { requestCancel } from "@/lib/orders/request-cancel";
import { settleOrderStatus } from "@/lib/orders/settle-order-status";
import { upstreamClientFor, loadProviderConnection } from "@/lib/providers/provider-client";
import { createCustomer, serviceOfType, TEST_LINK, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { claimDueOrders } from "./claim-orders";
import { runSyncPass, workerLeaseMs } from "./run-sync-pass";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready), { seed: 11 });

/** Passes run at a moment far enough ahead that every order is due; each call moves it on. */
let clockMinutes = 60;
const ahead = (minutes = 0) => new Date(Date.now() + (clockMinutes + minutes) * 60_000);
const pass = (extra: Parameters<typeof runSyncPass>[1] = {}) => {
  clockMinutes += 60;
  return runSyncPass(db, { providerIds: [provider.providerId], now: ahead(), ...extra });
};

async function placeMany(customerId: number, count: number, where: Record<string, unknown> = {}) {
  const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 }, ...where });
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: 100 + i });
    if (!result.ok) throw new Error(result.message);
    ids.push(result.order.id);
  }
  return ids;
}

/**
 * A funded customer's `count` orders that the simulator has run on to their final states, with the
 * passes' clock moved on an hour so that every one of them is due.
 */
async function placedAndRunUpstream(count: number) {
  const customerId = await createCustomer(db, "1000");
  const ids = await placeMany(customerId, count);
  provider.sim.advance(400);
  clockMinutes += 60;
  return { customerId, ids };
}

/** Our orders side by side with what the simulator says about them. */
async function compareWithSimulator(orderIds: number[]) {
  const sim = new Map(provider.sim.orders().map((o) => [o.id, o]));
  const orders = await db.order.findMany({ where: { id: { in: orderIds } }, include: { ledgerEntries: true } });
  return orders.map((order) => ({ order, sim: sim.get(order.upstreamOrderId!)!, refunds: order.ledgerEntries.filter((e) => e.kind.startsWith("refund")) }));
}

function expectSettledLikeSimulator(rows: Awaited<ReturnType<typeof compareWithSimulator>>) {
  for (const { order, sim, refunds } of rows) {
    expect(order.state, `order ${order.id}`).toBe(sim.status.toLowerCase());
    if (order.state === "partial") {
      expect(refunds.map((e) => e.amount.toFixed(6))).toEqual([partialRefund(order.charge.toFixed(), String(sim.remains), order.quantity).toFixed(6)]);
    } else if (order.state === "canceled") {
      expect(refunds.map((e) => e.amount.toFixed(6))).toEqual([order.charge.toFixed(6)]);
    } else {
      expect(refunds).toHaveLength(0);
    }
  }
}

describe("runSyncPass", () => {
  it("settles orders to the simulator's final states with exact refunds, then leaves them alone", async () => {
    const customerId = await createCustomer(db, "1000");
    const ids = await placeMany(customerId, 30);
    provider.sim.advance(20);
    await pass();
    provider.sim.advance(400);
    const report = await pass();
    expect(report.claimed).toBeGreaterThan(0);
    const rows = await compareWithSimulator(ids);
    expectSettledLikeSimulator(rows);
    expect(new Set(rows.map((r) => r.order.state)).size).toBeGreaterThan(1);
    const statusCalls = provider.sim.counts.status;
    expect((await pass()).claimed).toBe(0);
    expect(provider.sim.counts.status).toBe(statusCalls);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("applies each Partial/Canceled refund once while 10 passes race over the same orders", async () => {
    const { customerId, ids } = await placedAndRunUpstream(40);
    // Zero-length leases at staggered moments: every pass can claim what the others hold.
    const reports = await Promise.all(
      Array.from({ length: 10 }, (_, i) => runSyncPass(db, { providerIds: [provider.providerId], now: ahead(i / 1000), leaseMs: 0, concurrency: 2 })),
    );
    expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBeGreaterThanOrEqual(40);
    const rows = await compareWithSimulator(ids);
    expectSettledLikeSimulator(rows);
    expect(rows.some((r) => r.order.state === "partial")).toBe(true);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a customer's cancel racing the sync's Canceled refunds once", async () => {
    const customerId = await createCustomer(db, "1000");
    const ids = await placeMany(customerId, 6, { cancel: true });
    const [a, b] = await Promise.all([requestCancel(db, customerId, ids[0]), requestCancel(db, customerId, ids[0]), pass()]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const cancels = await Promise.all(ids.slice(1).map((id) => requestCancel(db, customerId, id)));
    expect(cancels.every((c) => c.ok)).toBe(true);
    provider.sim.advance(5);
    clockMinutes += 60;
    await Promise.all([
      ...ids.map((id) => requestCancel(db, customerId, id)),
      ...Array.from({ length: 5 }, (_, i) => runSyncPass(db, { providerIds: [provider.providerId], now: ahead(i / 1000), leaseMs: 0 })),
    ]);
    const rows = await compareWithSimulator(ids);
    expect(rows.every((r) => r.order.state === "canceled" && r.refunds.length === 1)).toBe(true);
    expectSettledLikeSimulator(rows);
    expect((await db.user.findUniqueOrThrow({ where: { id: customerId } })).balance.toFixed(6)).toBe("1000.000000");
    expect(await requestCancel(db, customerId, ids[0])).toMatchObject({ ok: false, message: "This order can no longer be cancelled." });
    const stranger = await createCustomer(db);
    expect(await requestCancel(db, stranger, ids[0])).toMatchObject({ ok: false, message: "Order not found." });
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a worker killed mid-batch loses nothing and double-applies nothing", async () => {
    const { customerId, ids } = await placedAndRunUpstream(30);
    const killedAt = ahead();
    // The dead worker claimed everything due, polled, settled ten, then died holding the leases.
    const claimed = (await claimDueOrders(db, { owner: "dead-worker", now: killedAt, leaseMs: 5 * 60_000, limit: 1000 })).filter((c) => ids.includes(c.id));
    expect(claimed).toHaveLength(30);
    const client = upstreamClientFor((await loadProviderConnection(db, provider.providerId))!);
    const answer = await client.statuses(claimed.map((c) => c.upstreamOrderId));
    if (!answer.ok) throw new Error(answer.message);
    for (const order of claimed.slice(0, 10)) {
      const status = answer.value.get(order.upstreamOrderId);
      if (!status || "error" in status) throw new Error("no status");
      await settleOrderStatus(db, order.id, status, { nextSyncAt: killedAt });
    }
    // While the leases last, nobody touches the other twenty.
    const during = await runSyncPass(db, { providerIds: [provider.providerId], now: new Date(killedAt.getTime() + 60_000) });
    expect(during.claimed).toBe(0);
    // After they expire, the next pass finishes the job; the ten already settled are not claimed.
    const after = await runSyncPass(db, { providerIds: [provider.providerId], now: new Date(killedAt.getTime() + 6 * 60_000) });
    expect(after.claimed).toBe(20);
    expectSettledLikeSimulator(await compareWithSimulator(ids));
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("follows product orders: results stored for Completed/Partial, Canceled refunded", async () => {
    const customerId = await createCustomer(db, "100000");
    const products = await db.product.findMany({ where: { providerId: provider.providerId, enabled: true, OR: [{ inventory: null }, { inventory: { gte: 6 } }] } });
    // Three purchases of 2 each: a counted stock goes down with every purchase (place-product-order).
    const { placeProductOrder } = await import("@/lib/orders/place-product-order");
    const { getProductResults } = await import("@/lib/orders/list-orders");
    const ids: number[] = [];
    for (const product of products) {
      for (let i = 0; i < 3; i++) {
        const result = await placeProductOrder(db, customerId, { productId: product.id, quantity: Math.min(product.max, 2), require: product.requireText ? "me@example.com" : undefined });
        if (!result.ok) throw new Error(`${result.message} ${JSON.stringify(result.fields)}`);
        ids.push(result.order.id);
      }
    }
    provider.sim.advance(120);
    await pass();
    const sim = new Map(provider.sim.productOrders().map((o) => [o.id, o]));
    for (const order of await db.order.findMany({ where: { id: { in: ids } } })) {
      const upstream = sim.get(order.upstreamOrderId!)!;
      expect(order.state).toBe(upstream.status.toLowerCase());
      const results = await getProductResults(db, customerId, order.id);
      if (order.state === "completed" || order.state === "partial") expect(results).toEqual({ ok: true, lines: upstream.lines });
      else expect(results.ok).toBe(false);
    }
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a whole-batch status refusal flags every order of the batch; the next normal answer clears flag and lastError", async () => {
    const customerId = await createCustomer(db, "1000");
    const ids = await placeMany(customerId, 5);
    provider.sim.setFault("status", { type: "error", message: "Incorrect order ID", times: 1 });
    await pass();
    const refused = await db.order.findMany({ where: { id: { in: ids } } });
    expect(refused.every((o) => o.flag?.startsWith("upstream refuses to report this order") && o.lastError === "Incorrect order ID")).toBe(true);
    provider.sim.advance(400);
    await pass({ now: ahead(24 * 60) });
    const settled = await db.order.findMany({ where: { id: { in: ids } } });
    expect(settled.map((o) => [o.flag, o.lastError, o.syncFailures])).toEqual(ids.map(() => [null, null, 0]));
    expectSettledLikeSimulator(await compareWithSimulator(ids));
    // The flag stays in the history.
    expect(await db.orderEvent.count({ where: { orderId: { in: ids }, type: "flag" } })).toBe(5);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a live pass renews its short leases while a slow poll runs; a dead pass's leases run out after WORKER_LEASE_SECONDS", async () => {
    expect(workerLeaseMs()).toBe(60_000);
    process.env.WORKER_LEASE_SECONDS = "2";
    expect(workerLeaseMs()).toBe(2_000);
    delete process.env.WORKER_LEASE_SECONDS;

    const customerId = await createCustomer(db, "1000");
    const ids = await placeMany(customerId, 5);
    clockMinutes += 60;
    const start = ahead();
    const startedAt = Date.now();
    const clock = () => new Date(start.getTime() + (Date.now() - startedAt));
    // A slow status answer (1.5 s) under a 0.6 s lease: without renewal others would take the orders over.
    provider.sim.setFault("status", { type: "latency", ms: 1_500, times: 1 });
    const slow = runSyncPass(db, { providerIds: [provider.providerId], now: start, leaseMs: 600, owner: "slow-pass" });
    let takenOver = 0;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      takenOver += (await claimDueOrders(db, { owner: "other", now: clock(), leaseMs: 600, limit: 1000, providerIds: [provider.providerId] })).length;
    }
    expect((await slow).claimed).toBe(5);
    expect(takenOver).toBe(0);

    // A pass that died holding claims: its leases are not renewed and run out.
    provider.sim.advance(400);
    const more = await placeMany(customerId, 3);
    clockMinutes += 60;
    const deadAt = ahead();
    expect((await claimDueOrders(db, { owner: "dead", now: deadAt, leaseMs: 1_000, limit: 1000, providerIds: [provider.providerId] })).length).toBeGreaterThanOrEqual(3);
    expect((await runSyncPass(db, { providerIds: [provider.providerId], now: new Date(deadAt.getTime() + 500) })).claimed).toBe(0);
    const after = await runSyncPass(db, { providerIds: [provider.providerId], now: new Date(deadAt.getTime() + 1_100) });
    expect(after.claimed).toBeGreaterThanOrEqual(3);
    expectSettledLikeSimulator(await compareWithSimulator([...ids, ...more].filter(Boolean)));
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});
