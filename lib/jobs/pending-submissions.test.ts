import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { serviceCharge } from "@/lib/money";
import { submitOrder } from "@/lib/orders/submit-order";
import { createCustomer, openTestOrder, serviceOfType, TEST_LINK, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { runSyncPass } from "./run-sync-pass";
import { startWorkerLoop } from "./worker-loop";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready), { seed: 23 });

const minutesAhead = (m: number) => new Date(Date.now() + m * 60_000);

/** Step one only (charged, pending_submit): what a crash right after charging leaves behind. */
async function chargedButNotSent(customerId: number) {
  const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
  const orderId = await openTestOrder(db, customerId, {
    serviceId: service.id,
    providerId: provider.providerId,
    quantity: 100,
    params: { type: "Default", link: TEST_LINK, quantity: 100 },
    charge: serviceCharge(service.sellRate.toFixed(), 100).toFixed(),
  });
  // Placement writes the order already claimed for sending; rows of an older version were not.
  await db.order.update({ where: { id: orderId }, data: { submitStartedAt: null, leaseUntil: null } });
  return orderId;
}

describe("interrupted submissions", () => {
  it("an order charged but never sent is sent once by the worker after the grace period", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await chargedButNotSent(customerId);
    const adds = provider.sim.counts.add;
    // Within the grace period the customer's own request may still send it; a pass whose
    // scheduling clock runs ahead does not change that (the grace is wall-clock time).
    expect((await runSyncPass(db, { providerIds: [provider.providerId], now: minutesAhead(600) })).submitted.placed).toBe(0);
    // Two minutes on, the customer's request and two workers race for it: one add.
    await db.order.update({ where: { id: orderId }, data: { createdAt: minutesAhead(-2) } });
    const [own] = await Promise.all([
      submitOrder(db, orderId),
      runSyncPass(db, { providerIds: [provider.providerId] }),
      runSyncPass(db, { providerIds: [provider.providerId] }),
    ]);
    expect(["placed", "not-sent"]).toContain(own);
    expect(provider.sim.counts.add).toBe(adds + 1);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: "pending", upstreamOrderId: expect.any(String) });
    await runSyncPass(db, { providerIds: [provider.providerId], now: minutesAhead(5) });
    expect(provider.sim.counts.add).toBe(adds + 1);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  // Was: "becomes unknown after 10 minutes". The bound is now the sender's lease
  // (SUBMIT_LEASE_SECONDS, 30 s by default), renewed while the sender waits, so a sender that
  // died costs seconds and a sender still waiting is never given up on.
  it("an order whose add went out but whose answer was never recorded becomes unknown once its sender's lease runs out, and is never re-sent", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await chargedButNotSent(customerId);
    // Sent five minutes ago by a sender that is still alive (its lease is being renewed).
    await db.order.update({ where: { id: orderId }, data: { submitStartedAt: minutesAhead(-5), createdAt: minutesAhead(-5), leaseUntil: minutesAhead(1) } });
    const adds = provider.sim.counts.add;
    expect((await runSyncPass(db, { providerIds: [provider.providerId], now: minutesAhead(600) })).expiredSubmissions).toBe(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state).toBe("pending_submit");
    // The sender died: its lease ran out a second ago.
    await db.order.update({ where: { id: orderId }, data: { leaseUntil: new Date(Date.now() - 1_000) } });
    expect((await runSyncPass(db, { providerIds: [provider.providerId] })).expiredSubmissions).toBe(1);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ state: "unknown", flag: expect.stringContaining("lost"), leaseUntil: null });
    expect((await db.orderEvent.findMany({ where: { orderId }, orderBy: { id: "asc" } })).map((e) => e.type)).toEqual(["submit-expired", "flag"]);
    await runSyncPass(db, { providerIds: [provider.providerId], now: minutesAhead(30) });
    expect(provider.sim.counts.add).toBe(adds);
    // Money stays charged until staff resolve it.
    expect(await db.ledgerEntry.count({ where: { orderId, kind: "refund_failed" } })).toBe(0);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("a sender that dies right after marking the order sent costs SUBMIT_LEASE_SECONDS, and the bound is configurable", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await chargedButNotSent(customerId);
    process.env.SUBMIT_LEASE_SECONDS = "1";
    try {
      // What submitOrder writes before sending; then the process is gone (no renewals).
      await db.order.update({ where: { id: orderId }, data: { submitStartedAt: new Date(), leaseUntil: new Date(Date.now() + 1_000) } });
      expect((await runSyncPass(db, { providerIds: [provider.providerId] })).expiredSubmissions).toBe(0);
      // 1.2 s later, written as the times it would leave behind rather than slept through.
      await db.order.update({ where: { id: orderId }, data: { submitStartedAt: new Date(Date.now() - 1_200), leaseUntil: new Date(Date.now() - 200) } });
      expect((await runSyncPass(db, { providerIds: [provider.providerId] })).expiredSubmissions).toBe(1);
      expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state).toBe("unknown");
    } finally {
      delete process.env.SUBMIT_LEASE_SECONDS;
    }
  });

  it("a slow add is not given up on while its sender waits: the sender renews its lease", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await chargedButNotSent(customerId);
    process.env.SUBMIT_LEASE_SECONDS = "1";
    provider.sim.setFault("add", { type: "latency", ms: 1_400, times: 1 });
    try {
      const adds = provider.sim.counts.add;
      const sending = submitOrder(db, orderId);
      // Passes keep running while the answer takes longer than the lease.
      let expired = 0;
      for (let i = 0; i < 6; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        expired += (await runSyncPass(db, { providerIds: [provider.providerId] })).expiredSubmissions;
      }
      expect(await sending).toBe("placed");
      expect(expired).toBe(0);
      expect(provider.sim.counts.add).toBe(adds + 1);
      expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: "pending", flag: null, leaseUntil: null });
    } finally {
      provider.sim.clearFaults();
      delete process.env.SUBMIT_LEASE_SECONDS;
    }
  });

  it("SUBMIT_GRACE_SECONDS sets how long a charged order is left to its own request", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await chargedButNotSent(customerId);
    await db.order.update({ where: { id: orderId }, data: { createdAt: new Date(Date.now() - 5_000) } });
    process.env.SUBMIT_GRACE_SECONDS = "10";
    try {
      expect((await runSyncPass(db, { providerIds: [provider.providerId] })).submitted.placed).toBe(0);
      process.env.SUBMIT_GRACE_SECONDS = "2";
      expect((await runSyncPass(db, { providerIds: [provider.providerId] })).submitted.placed).toBe(1);
    } finally {
      delete process.env.SUBMIT_GRACE_SECONDS;
    }
  });
});

describe("startWorkerLoop", () => {
  it("runs passes until stopped and stops cleanly", async () => {
    const customerId = await createCustomer(db, "100");
    const orderId = await chargedButNotSent(customerId);
    await db.order.update({ where: { id: orderId }, data: { createdAt: minutesAhead(-10) } });
    const lines: string[] = [];
    const loop = startWorkerLoop({ intervalMs: 20, db, providerIds: [provider.providerId], log: (line) => lines.push(line) });
    const deadline = Date.now() + 10_000;
    while ((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state === "pending_submit" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await loop.stop();
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).state).toBe("pending");
    expect(lines).toContain("1 interrupted order(s) submitted");
    // Stopped means stopped: nothing is picked up any more.
    const afterStop = await chargedButNotSent(customerId);
    await db.order.update({ where: { id: afterStop }, data: { createdAt: minutesAhead(-10) } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await db.order.findUniqueOrThrow({ where: { id: afterStop } })).state).toBe("pending_submit");
  });
});
