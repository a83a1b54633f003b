import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { runSyncPass } from "@/lib/jobs/run-sync-pass";
import { placeOrder } from "@/lib/orders/place-order";
import { createCustomer, serviceOfType, startTestProvider, TEST_LINK, type TestProvider } from "@/lib/testing/fixtures";
import { refillCooldownHours, requestRefill } from "./request-refill";

let db: Db;
let provider: TestProvider;
beforeAll(async () => {
  db = await getDb();
  provider = await startTestProvider(db, { seed: 31 });
});
afterEach(() => {
  delete process.env.REFILL_COOLDOWN_HOURS;
});
afterAll(async () => {
  await provider.close();
  await closeDb();
});

let minutes = 60;
const pass = () => {
  minutes += 120;
  return runSyncPass(db, { providerIds: [provider.providerId], now: new Date(Date.now() + minutes * 60_000) });
};

/** A completed order of a refillable service. */
async function completedOrder(customerId: number, where: Record<string, unknown> = { refill: true }) {
  const service = await serviceOfType(db, provider.providerId, "Default", where);
  for (let attempt = 0; attempt < 20; attempt++) {
    const placed = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.min });
    if (!placed.ok) throw new Error(placed.message);
    provider.sim.advance(500);
    await pass();
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.order.id } });
    if (order.state === "completed") return order.id;
  }
  throw new Error("no order completed");
}

describe("requestRefill", () => {
  it("creates one refill per cooldown even when asked concurrently, and follows it to the end", async () => {
    const customerId = await createCustomer(db, "10000");
    const orderId = await completedOrder(customerId);
    const before = provider.sim.counts.refill;
    const results = await Promise.all(Array.from({ length: 5 }, () => requestRefill(db, customerId, orderId)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "refill_cooldown")).toBe(true);
    expect(provider.sim.counts.refill).toBe(before + 1);
    const refill = await db.refill.findFirstOrThrow({ where: { orderId } });
    expect(refill).toMatchObject({ state: "pending", upstreamRefillId: provider.sim.refills().at(-1)!.id });

    provider.sim.advance(60);
    const report = await pass();
    expect(report.refills.claimed).toBe(1);
    const simRefill = provider.sim.refills().find((r) => r.id === refill.upstreamRefillId)!;
    expect((await db.refill.findUniqueOrThrow({ where: { id: refill.id } })).state).toBe(simRefill.status.toLowerCase());
    expect(await db.ledgerEntry.count({ where: { orderId, kind: { not: "charge" } } })).toBe(0);
  });

  it("honours REFILL_COOLDOWN_HOURS", async () => {
    expect(refillCooldownHours()).toBe(24);
    process.env.REFILL_COOLDOWN_HOURS = "0";
    expect(refillCooldownHours()).toBe(0);
    const customerId = await createCustomer(db, "10000");
    const orderId = await completedOrder(customerId);
    expect((await requestRefill(db, customerId, orderId)).ok).toBe(true);
    expect((await requestRefill(db, customerId, orderId)).ok).toBe(true);
    process.env.REFILL_COOLDOWN_HOURS = "48";
    expect(await requestRefill(db, customerId, orderId)).toMatchObject({ ok: false, code: "refill_cooldown", data: { nextAt: expect.any(String) } });
    // A wrong setting is an error that names it, not a silent default (lib/config.ts).
    process.env.REFILL_COOLDOWN_HOURS = "nonsense";
    expect(() => refillCooldownHours()).toThrow(/REFILL_COOLDOWN_HOURS/);
    delete process.env.REFILL_COOLDOWN_HOURS;
    expect(refillCooldownHours()).toBe(24);
  });

  it("refuses what cannot be refilled and other customers' orders", async () => {
    const customerId = await createCustomer(db, "10000");
    const noRefill = await completedOrder(customerId, { refill: false });
    expect(await requestRefill(db, customerId, noRefill)).toMatchObject({ ok: false, message: "This service does not offer refills." });
    const service = await serviceOfType(db, provider.providerId, "Default", { refill: true });
    const running = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.min });
    if (!running.ok) throw new Error(running.message);
    expect(await requestRefill(db, customerId, running.order.id)).toMatchObject({ ok: false, message: "A refill can be requested once the order is completed." });
    const stranger = await createCustomer(db);
    const completed = await completedOrder(customerId);
    expect(await requestRefill(db, stranger, completed)).toMatchObject({ ok: false, message: "Order not found." });
    expect(await db.refill.count({ where: { userId: stranger } })).toBe(0);
  });

  it("a refill the upstream refuses does not count against the cooldown", async () => {
    const customerId = await createCustomer(db, "10000");
    const orderId = await completedOrder(customerId);
    provider.sim.setFault("refill", { type: "error", message: "Order not eligible for refill", times: 1 });
    expect(await requestRefill(db, customerId, orderId)).toMatchObject({ ok: false, message: "The provider refused the refill for this order." });
    expect((await requestRefill(db, customerId, orderId)).ok).toBe(true);
    expect((await db.refill.findMany({ where: { orderId }, orderBy: { id: "asc" } })).map((r) => r.state)).toEqual(["failed", "pending"]);
  });
});
