// Several worker processes on one database: three loops with short leases race over the same
// due orders (interrupted placements, open orders, cancels) while the upstream fails a fifth of
// the time. Whatever the interleaving: every add is sent once, refunds are exact and once, and a
// final state never changes again.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { partialRefund, serviceCharge } from "@/lib/money";
import { placeOrder } from "@/lib/orders/place-order";
import { requestCancel } from "@/lib/orders/request-cancel";
import { FINAL_STATES, isFinalState } from "@/lib/orders/state-machine";
import { createCustomer, openTestOrder, serviceOfType, TEST_LINK, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { startWorkerLoop } from "./worker-loop";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready), { seed: 41 });

describe("three workers on one database", () => {
  it("send every add once, refund exactly once, and never move a final order", { timeout: 120_000 }, async () => {
    const customerId = await createCustomer(db, "100000");
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 }, cancel: true });
    const placed: number[] = [];
    for (let i = 0; i < 60; i++) {
      const result = await placeOrder(db, customerId, { serviceId: service.id, link: `${TEST_LINK}/${i}`, quantity: 100 + i });
      if (!result.ok) throw new Error(result.message);
      placed.push(result.order.id);
    }
    // Charged but never sent (their placement "died"): the workers race to send them.
    const interrupted: number[] = [];
    for (let i = 0; i < 20; i++) {
      interrupted.push(await openTestOrder(db, customerId, {
        serviceId: service.id, providerId: provider.providerId, link: `${TEST_LINK}/x${i}`, quantity: 100,
        params: { type: "Default", link: `${TEST_LINK}/x${i}`, quantity: 100 }, charge: serviceCharge(service.sellRate.toFixed(), 100).toFixed(),
      }));
    }
    const ids = [...placed, ...interrupted];
    // Placement writes orders already claimed for sending; these stand for rows never claimed.
    await db.order.updateMany({ where: { id: { in: interrupted } }, data: { createdAt: new Date(Date.now() - 60_000), submitStartedAt: null, leaseUntil: null } });
    await db.order.updateMany({ where: { id: { in: placed } }, data: { nextSyncAt: new Date(Date.now() - 1_000) } });
    for (const id of placed.slice(0, 15)) await requestCancel(db, customerId, id);
    provider.sim.setFault("status", { type: "http500", probability: 0.2 });
    provider.sim.advance(30);

    const adds = provider.sim.counts.add;
    const loops = Array.from({ length: 3 }, (_, i) =>
      startWorkerLoop({ intervalMs: 10, db, owner: `worker-${i}`, providerIds: [provider.providerId], leaseMs: 300, limit: 25, concurrency: 2 }),
    );
    const deadline = Date.now() + 90_000;
    // Time moves on upstream while they work, so orders settle mid-race; every order comes due again.
    while (Date.now() < deadline) {
      provider.sim.advance(120);
      await db.order.updateMany({ where: { id: { in: ids }, state: { in: ["pending", "in_progress"] } }, data: { nextSyncAt: new Date(Date.now() - 1_000) } });
      const open = await db.order.count({ where: { id: { in: ids }, state: { notIn: FINAL_STATES } } });
      if (open === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await Promise.all(loops.map((loop) => loop.stop()));
    provider.sim.clearFaults();

    const orders = await db.order.findMany({ where: { id: { in: ids } }, include: { ledgerEntries: true, events: { orderBy: { id: "asc" } } } });
    expect(orders.filter((o) => !isFinalState(o.state)).map((o) => o.state)).toEqual([]);
    // Never sent twice: one add per order marked sent, and every interrupted order was sent.
    expect(provider.sim.counts.add - adds).toBe(interrupted.length);
    expect(orders.every((o) => o.submitStartedAt !== null)).toBe(true);
    const sim = new Map(provider.sim.orders().map((o) => [o.id, o]));
    for (const order of orders) {
      const upstream = sim.get(order.upstreamOrderId!)!;
      expect(order.state, `order ${order.id}`).toBe(upstream.status.toLowerCase());
      const refunds = order.ledgerEntries.filter((e) => e.kind.startsWith("refund")).map((e) => e.amount.toFixed(6));
      if (order.state === "partial") expect(refunds).toEqual([partialRefund(order.charge.toFixed(), String(upstream.remains), order.quantity).toFixed(6)]);
      else if (order.state === "canceled") expect(refunds).toEqual([order.charge.toFixed(6)]);
      else expect(refunds).toEqual([]);
      // Final means final: exactly one move into a final state, and nothing after it.
      const moves = order.events.filter((e) => e.type === "status");
      const finalMoves = moves.filter((e) => FINAL_STATES.some((s) => e.message.includes(`→ ${s} `)));
      expect(finalMoves, `order ${order.id}`).toHaveLength(1);
      expect(moves.at(-1)!.id).toBe(finalMoves[0].id);
    }
    expect(new Set(orders.map((o) => o.state)).size).toBeGreaterThan(1);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});
