// The reconciler against the simulator over real HTTP, with other customers' orders between ours:
// a lost answer whose order exists is found, one that never existed is failed and refunded once,
// ambiguous or untrustworthy evidence is left to staff with the reason, and two workers racing
// settle an order once. Money is checked to the cent and by ledger:verify.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { runSyncPass } from "@/lib/jobs/run-sync-pass";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal } from "@/lib/money";
import { placeOrder } from "@/lib/orders/place-order";
import { resolveUnknownOrder } from "@/lib/orders/resolve-unknown-order";
import { listOrdersToResolve, resolveOrderForStaff } from "@/lib/admin/orders";
import { listUpstreamOrphans } from "./list-orphans";
import { balanceOf, createCustomer, makeUser, runCliCommand, serviceOfType, startTestProvider, withDatabase, type TestProvider } from "@/lib/testing/fixtures";
import type { Fault } from "@/lib/upstream/simulator";
import { reconcileUnknownOrders } from "./reconcile-unknown-orders";

// An add is in flight for the provider's timeout (250 ms here) and no longer: orders sent after it close the window.
process.env.RECONCILE_IN_FLIGHT_SECONDS = "0";

let db: Db;
withDatabase((ready) => void (db = ready));
const providers: TestProvider[] = [];
afterAll(async () => void (await Promise.all(providers.map((p) => p.close()))));

const HOUR_LATER = () => new Date(Date.now() + 2 * 3600_000);
const outOfFlight = () => new Promise((resolve) => setTimeout(resolve, 300));

/** A provider of its own (windows of one test never meet another's), with other customers' orders between ours. */
async function freshProvider(seed: number, ordersBetween = 3) {
  const provider = await startTestProvider(db, { seed, timeoutMs: 250, otherCustomers: { ordersBetween } });
  providers.push(provider);
  const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 }, max: { gte: 1000 } });
  const customerId = await createCustomer(db, "1000");
  let serial = 0;
  const place = async (options: { quantity?: number; fault?: Fault } = {}) => {
    if (options.fault) provider.sim.setFault("add", { ...options.fault, times: 1 });
    const link = `https://instagram.com/p/reconcile-${seed}-${serial++}`;
    const result = await placeOrder(db, customerId, { serviceId: service.id, link, quantity: options.quantity ?? 100 });
    provider.sim.setFault("add", null);
    const orderId = result.ok ? result.order.id : Number(result.data?.orderId);
    if (!orderId) throw new Error(`not placed: ${result.ok ? "" : result.message}`);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    return { ...order, link };
  };
  /** Placed normally, so that later unknown orders have a lower neighbour. */
  for (let i = 0; i < 3; i++) await place();
  return { provider, customerId, place, providerIds: [provider.providerId] };
}

const upstreamIdOfLink = (provider: TestProvider, link: string) => provider.sim.orders().find((o) => o.link === link)?.id ?? null;
const events = (orderId: number) => db.orderEvent.findMany({ where: { orderId, type: "resolved" }, orderBy: { id: "asc" } });
const refunds = async (orderId: number) => (await db.ledgerEntry.findMany({ where: { orderId, NOT: { kind: "charge" } } })).map((e) => e.amount.toFixed(6));

describe("an unknown order whose add was lost", () => {
  it("is found upstream: the one unclaimed id in its window whose charge fits; no money moves", async () => {
    const { provider, customerId, place, providerIds } = await freshProvider(101);
    const lost = await place({ fault: { type: "create-then-drop" } });
    expect(lost.state).toBe("unknown");
    await outOfFlight();
    await place();
    const balance = await balanceOf(db, customerId);

    const report = await reconcileUnknownOrders(db, { providerIds, now: new Date() });
    const order = await db.order.findUniqueOrThrow({ where: { id: lost.id } });
    const upstreamId = upstreamIdOfLink(provider, lost.link);
    expect(upstreamId).not.toBeNull();
    expect(order).toMatchObject({ state: "pending", upstreamOrderId: upstreamId, flag: null });
    expect(report.orders.map((o) => [o.orderId, o.outcome])).toEqual([[lost.id, "placed"]]);
    const [event] = await events(lost.id);
    expect(event.message).toMatch(new RegExp(`^reconciler: placed upstream as ${upstreamId}; window \\(\\d+ \\(order #\\d+\\), \\d+ \\(order #\\d+\\)\\); \\d+ of \\d+ unclaimed ids probed`));
    expect(event.message).toContain(`match: ${upstreamId}`);
    expect(await balanceOf(db, customerId)).toBe(balance);
    expect(await refunds(lost.id)).toEqual([]);
    // The worker then follows it like any other order.
    provider.sim.advance(1_000);
    await runSyncPass(db, { providerIds, now: HOUR_LATER() });
    expect((await db.order.findUniqueOrThrow({ where: { id: lost.id } })).state).not.toBe("pending");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("is not placed: its closed window holds nothing of ours; failed and refunded once, after RECONCILE_NOT_PLACED_AFTER_SECONDS; the CLI prints the evidence", async () => {
    const { provider, customerId, place, providerIds } = await freshProvider(102);
    const funds = new Decimal(await balanceOf(db, customerId));
    const lost = await place({ fault: { type: "http500" } });
    expect(lost.state).toBe("unknown");
    expect(upstreamIdOfLink(provider, lost.link)).toBeNull();
    await outOfFlight();
    const later = await place();

    // Too early: nothing found, but the add left less than an hour ago.
    const early = await reconcileUnknownOrders(db, { providerIds, now: new Date() });
    expect(early.orders.map((o) => o.outcome)).toEqual(["waiting"]);
    expect(early.orders[0].evidence).toMatch(/left: nothing of ours in the closed window yet/);
    // Nothing for staff to do yet: the flag stays the one the lost answer set.
    expect(await db.order.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ state: "unknown", flag: lost.flag });

    process.env.RECONCILE_NOT_PLACED_AFTER_SECONDS = "0";
    try {
      const cli = await runCliCommand("order:reconcile", String(lost.id));
      expect(cli.code).toBe(0);
      expect(cli.text).toContain(`Order ${lost.id}: not placed upstream: failed, charge refunded`);
      expect(cli.text).toMatch(/window \(\d+ \(order #\d+\), \d+ \(order #\d+\)\); (\d+) of \1 unclaimed ids probed/);
    } finally {
      delete process.env.RECONCILE_NOT_PLACED_AFTER_SECONDS;
    }
    const order = await db.order.findUniqueOrThrow({ where: { id: lost.id } });
    expect(order).toMatchObject({ state: "failed", flag: null, upstreamOrderId: null });
    expect(await refunds(lost.id)).toEqual([lost.charge.toFixed(6)]);
    // A second pass, or staff, cannot refund it again.
    await reconcileUnknownOrders(db, { providerIds, orderIds: [lost.id], now: HOUR_LATER() });
    expect((await resolveUnknownOrder(db, lost.id, { failed: true }, null)).ok).toBe(false);
    expect(await refunds(lost.id)).toEqual([lost.charge.toFixed(6)]);
    expect(await balanceOf(db, customerId)).toBe(funds.minus(later.charge.toFixed()).toFixed(6));
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("with an unclaimed order of our key in its window whose charge does not fit: left to staff, that order recorded as an orphan with its cost", async () => {
    const { provider, place, providerIds } = await freshProvider(103);
    const lost = await place({ fault: { type: "http500" } });
    // Someone uses our key outside the panel meanwhile: an order of ours no order of the panel claims.
    const other = provider.sim.catalog().services.find((s) => s.type === "Default" && s.min <= 500 && s.max >= 500)!;
    const outside = await fetch(provider.sim.url, { method: "POST", body: new URLSearchParams({ key: provider.sim.apiKey, action: "add", service: String(other.id), link: "https://example.com/outside", quantity: "500" }) });
    const outsideId = String((await outside.json()).order);
    await outOfFlight();
    await place();

    const report = await reconcileUnknownOrders(db, { providerIds, now: HOUR_LATER() });
    expect(report.orders.map((o) => o.outcome)).toEqual(["left_for_staff"]);
    expect(await db.order.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      state: "unknown",
      flag: `reconciler: unclaimed upstream order(s) ${outsideId} answer in the window but their charge does not fit: staff must check`,
    });
    const orphan = await db.upstreamOrphan.findUniqueOrThrow({ where: { providerId_kind_upstreamOrderId: { providerId: provider.providerId, kind: "service", upstreamOrderId: outsideId } } });
    const charge = other.rate.times(500).dividedBy(1000);
    expect(orphan.upstreamCharge?.toFixed()).toBe(charge.toFixed());
    expect(orphan.cost?.toFixed(6)).toBe(charge.toFixed(6));
    expect(await db.order.count({ where: { providerId: provider.providerId, upstreamOrderId: outsideId } })).toBe(0);
    // Staff see it with its cost.
    const listed = (await listUpstreamOrphans(db, await makeUser(db, "staff"))).find((o) => o.upstreamOrderId === outsideId);
    expect(listed).toMatchObject({ cost: charge.toFixed(6), upstreamStatus: expect.any(String), provider: { id: provider.providerId } });
  });
});

describe("several unknown orders in one window", () => {
  it("are assigned where the charges make it unique, and left to staff with the candidates where they do not; staff accept one in a click", async () => {
    const { provider, customerId, place, providerIds } = await freshProvider(104);
    const same1 = await place({ fault: { type: "create-then-drop" }, quantity: 100 });
    const same2 = await place({ fault: { type: "create-then-drop" }, quantity: 100 });
    const unique = await place({ fault: { type: "create-then-drop" }, quantity: 300 });
    await outOfFlight();
    await place();
    const balance = await balanceOf(db, customerId);

    const report = await reconcileUnknownOrders(db, { providerIds, now: HOUR_LATER() });
    const outcome = new Map(report.orders.map((o) => [o.orderId, o.outcome]));
    expect([outcome.get(same1.id), outcome.get(same2.id), outcome.get(unique.id)]).toEqual(["left_for_staff", "left_for_staff", "placed"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: unique.id } })).upstreamOrderId).toBe(upstreamIdOfLink(provider, unique.link));
    const twins = [upstreamIdOfLink(provider, same1.link)!, upstreamIdOfLink(provider, same2.link)!].sort();
    for (const order of [same1, same2]) {
      const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      expect(row.state).toBe("unknown");
      expect([...row.reconcileCandidates].sort()).toEqual(twins);
      expect(row.flag).toBe(`reconciler: 2 unclaimed upstream orders fit its charge (${row.reconcileCandidates.join(", ")}): staff must choose`);
    }
    // Staff see the candidates and accept one (the admin page's one-click accept: the resolve action), then the reconciler settles the other alone.
    const admin = await makeUser(db, "admin");
    const queued = (await listOrdersToResolve(db, admin, { providerId: provider.providerId })).find((o) => o.id === same1.id)!;
    expect([...queued.reconcileCandidates].sort()).toEqual(twins);
    expect(await resolveOrderForStaff(db, admin, { outcome: "placed", orderId: same1.id, upstreamId: upstreamIdOfLink(provider, same1.link)! })).toEqual({ ok: true, state: "pending" });
    await reconcileUnknownOrders(db, { providerIds, orderIds: [same2.id], now: HOUR_LATER() });
    expect((await db.order.findUniqueOrThrow({ where: { id: same2.id } })).upstreamOrderId).toBe(upstreamIdOfLink(provider, same2.link));
    expect(await balanceOf(db, customerId)).toBe(balance);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});

describe("evidence that cannot be trusted", () => {
  it("a provider that answers every id (ignores the key): left to staff, saying why; nothing moves", async () => {
    const { provider, customerId, place, providerIds } = await freshProvider(105, 6);
    const lost = await place({ fault: { type: "http500" } });
    await outOfFlight();
    await place();
    const balance = await balanceOf(db, customerId);
    provider.sim.setOtherCustomers({ ordersBetween: 3, ignoreKey: true });

    const report = await reconcileUnknownOrders(db, { providerIds, now: HOUR_LATER() });
    expect(report.orders.map((o) => o.outcome)).toEqual(["left_for_staff"]);
    const order = await db.order.findUniqueOrThrow({ where: { id: lost.id } });
    expect(order.state).toBe("unknown");
    expect(order.flag).toMatch(/^reconciler: (the provider answered id \d+, which no order of ours can hold: it may ignore the API key|\d+ unclaimed upstream orders answer in the window, more than)/);
    expect(await db.upstreamOrphan.count({ where: { providerId: provider.providerId } })).toBe(0);
    expect(await balanceOf(db, customerId)).toBe(balance);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  for (const fault of [{ type: "malformed-json" }, { type: "rate-limit", retryAfter: 0 }, { type: "http502" }] as Fault[]) {
    it(`a provider whose probes fail (${fault.type}): nothing decided, tried again later`, async () => {
      const { provider, place, providerIds } = await freshProvider(106);
      const lost = await place({ fault: { type: "create-then-drop" } });
      await outOfFlight();
      await place();
      provider.sim.setFault("status", fault);
      const report = await reconcileUnknownOrders(db, { providerIds, now: HOUR_LATER() });
      provider.sim.setFault("status", null);
      expect(report.orders.map((o) => o.outcome)).toEqual(["waiting"]);
      expect(report.orders[0].evidence).toMatch(/left: probe failed: /);
      expect((await db.order.findUniqueOrThrow({ where: { id: lost.id } })).state).toBe("unknown");
      // Once the provider answers again, the order is found.
      await reconcileUnknownOrders(db, { providerIds, orderIds: [lost.id], now: HOUR_LATER() });
      expect((await db.order.findUniqueOrThrow({ where: { id: lost.id } })).upstreamOrderId).toBe(upstreamIdOfLink(provider, lost.link));
    });
  }
});

describe("two workers", () => {
  let ctx: Awaited<ReturnType<typeof freshProvider>>;
  beforeAll(async () => {
    ctx = await freshProvider(107);
  });

  it("racing over the same unknown orders settle each once: one holds the provider's lease, one refund, one event", async () => {
    const { provider, customerId, place, providerIds } = ctx;
    const found = await place({ fault: { type: "create-then-drop" } });
    const missing = await place({ fault: { type: "http502" }, quantity: 200 });
    await outOfFlight();
    await place();
    const now = HOUR_LATER();
    const passes = await Promise.all([
      runSyncPass(db, { providerIds, now, owner: "worker-a" }),
      runSyncPass(db, { providerIds, now, owner: "worker-b" }),
    ]);
    // One of them held the provider's lease and settled both; the other was kept off (or found nothing left).
    const reconciled = passes.map((p) => p.reconciled);
    expect(reconciled.flatMap((r) => r.orders.map((o) => o.outcome)).sort()).toEqual(["not_placed", "placed"]);
    expect(reconciled.filter((r) => r.orders.length).length).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: found.id } })).toMatchObject({ state: "pending", upstreamOrderId: upstreamIdOfLink(provider, found.link) });
    expect((await db.order.findUniqueOrThrow({ where: { id: missing.id } })).state).toBe("failed");
    expect((await events(found.id)).length).toBe(1);
    expect((await events(missing.id)).length).toBe(1);
    expect(await refunds(missing.id)).toEqual([missing.charge.toFixed(6)]);
    // Nothing moves on a later pass.
    await runSyncPass(db, { providerIds, now: HOUR_LATER(), owner: "worker-a" });
    expect(await refunds(missing.id)).toEqual([missing.charge.toFixed(6)]);
    const report = await verifyLedger(db, { customerIds: [customerId] });
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("a worker that died holding the provider's lease keeps others off only until the lease runs out", async () => {
    const { provider, place, providerIds } = ctx;
    const lost = await place({ fault: { type: "create-then-drop" } });
    await outOfFlight();
    await place();
    await db.provider.update({ where: { id: provider.providerId }, data: { reconcileLeaseOwner: "dead-worker", reconcileLeaseUntil: new Date(Date.now() + 60_000) } });
    const blocked = await reconcileUnknownOrders(db, { providerIds, owner: "worker-c", now: HOUR_LATER() });
    expect(blocked).toMatchObject({ providers: 0, leased: 1, orders: [] });
    expect((await db.order.findUniqueOrThrow({ where: { id: lost.id } })).state).toBe("unknown");
    await db.provider.update({ where: { id: provider.providerId }, data: { reconcileLeaseUntil: new Date(Date.now() - 1_000) } });
    const after = await reconcileUnknownOrders(db, { providerIds, owner: "worker-c", now: HOUR_LATER() });
    expect(after.orders.map((o) => [o.orderId, o.outcome])).toEqual([[lost.id, "placed"]]);
    expect(await db.provider.findUniqueOrThrow({ where: { id: provider.providerId }, select: { reconcileLeaseOwner: true, reconcileLeaseUntil: true } })).toEqual({ reconcileLeaseOwner: null, reconcileLeaseUntil: null });
  });
});
