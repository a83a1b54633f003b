// Two panels in a chain: panel B registers panel A (our /api/v2 over real HTTP) as its upstream
// provider, with the project's own client, exactly as it would register any SMM panel. Behind A
// is the simulator. B's customers order several service types and a product, follow them to
// their final states (refunds included), request refills and read product results; both ledgers
// verify clean and every id B holds is A's, never the simulator's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v2/route";
import { openAdapter } from "@/lib/db/adapter";
import { closeDb, getDb, globalOmit, type Db } from "@/lib/db/connection";
import { PrismaClient } from "@/lib/db/generated/client";
import { verifyLedger } from "@/lib/ledger";
import { Decimal } from "@/lib/money";
import { getProductResults, placeOrder, placeProductOrder, requestCancel, ZPlaceOrderInput } from "@/lib/orders";
import { requestRefill } from "@/lib/refills";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { createTestDatabase } from "@/scripts/test/test-database";
import { connectUpstream, createApiCustomer, workerPass, type TestCustomer } from "@/lib/testing/fixtures";
import { serveHandler, type ServedHandler } from "./testing/serve-handler";

process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

let dbA: Db;
let dbB: Db;
let closeB: () => Promise<void> = async () => {};
let sim: SimulatorHandle;
let servedA: ServedHandler;
let providerA: number;
let providerB: number;
let reseller: TestCustomer;
let buyer: TestCustomer;

/** B's copy of a service of A's that A sells from our simulator (A's catalog also lists other tests' providers). */
type Offer = { bId: number; aId: number; type: string; min: number; max: number; refill: boolean; cancel: boolean; dripfeed: boolean; sellRate: Decimal };
let offers: Offer[];

async function openPanelB(): Promise<void> {
  const database = await createTestDatabase("panel_chain_b");
  const opened = await openAdapter({ kind: "postgres", url: database.url });
  // The same client options as lib/db/connection.ts (secrets omitted unless selected).
  const client = new PrismaClient({
    adapter: opened.factory,
    omit: globalOmit,
  });
  dbB = client;
  closeB = async () => {
    await client.$disconnect();
    await opened.close();
    await database.drop();
  };
}

beforeAll(async () => {
  dbA = await getDb();
  sim = await startSimulator({ seed: 31, services: 60, products: 8, balance: "100000" });
  providerA = await connectUpstream(dbA, { url: sim.url, key: sim.apiKey }, "20");
  reseller = await createApiCustomer(dbA, "chain-reseller", "20000");
  servedA = await serveHandler({ POST });
  await openPanelB();
  // B knows A only by URL and key, like any provider.
  providerB = await connectUpstream(dbB, { url: servedA.url, key: reseller.key }, "10");
  buyer = await createApiCustomer(dbB, "chain-buyer", "20000");

  const aServices = await dbA.service.findMany({ where: { providerId: providerA } });
  const bServices = await dbB.service.findMany({ where: { providerId: providerB, enabled: true } });
  offers = bServices.flatMap((b) => {
    const a = aServices.find((row) => String(row.id) === b.upstreamId);
    return a ? [{ bId: b.id, aId: a.id, type: b.type, min: b.min, max: b.max, refill: b.refill, cancel: b.cancel, dripfeed: b.dripfeed, sellRate: new Decimal(b.sellRate.toFixed(6)) }] : [];
  });
}, 180_000);

afterAll(async () => {
  await servedA?.close();
  await sim?.close();
  await closeB();
  await closeDb();
});

function offer(predicate: (o: Offer) => boolean, what: string): Offer {
  const found = offers.find(predicate);
  if (!found) throw new Error(`A's catalog (as B sees it) lacks ${what}`);
  return found;
}

async function orderOnB(input: Record<string, unknown>): Promise<number> {
  const placed = await placeOrder(dbB, buyer.id, ZPlaceOrderInput.parse(input));
  if (!placed.ok) throw new Error(`B refused ${JSON.stringify(input)}: ${placed.message} ${JSON.stringify(placed.fields)}`);
  return placed.order.id;
}

/** The order at A that a B order points at. */
async function aOrderOf(bOrderId: number) {
  const b = await dbB.order.findUniqueOrThrow({ where: { id: bOrderId } });
  expect(b.upstreamOrderId).toMatch(/^\d+$/);
  return dbA.order.findUniqueOrThrow({ where: { id: Number(b.upstreamOrderId) } });
}

async function settleChain(minutes: number) {
  sim.advance(minutes);
  // A learns from the simulator first, then B from A. On a loaded machine a status request may time
  // out and leave an order for the next pass, as the real worker's next pass would pick it up.
  for (let round = 0; round < 6; round++) {
    await workerPass(dbA, [providerA]);
    await workerPass(dbB, [providerB]);
    const open = await dbB.order.count({ where: { state: { in: ["pending", "in_progress", "pending_submit"] } } });
    if (open === 0 && round > 0) return;
  }
}

const FINAL = ["completed", "partial", "canceled"];
const serviceOrders: number[] = [];

describe("panel B ordering through panel A", () => {
  it("B imported A's catalog at A's prices plus B's markup, under A's ids", async () => {
    expect(offers.length).toBe(await dbA.service.count({ where: { providerId: providerA, enabled: true } }));
    for (const o of offers.slice(0, 20)) {
      const a = await dbA.service.findUniqueOrThrow({ where: { id: o.aId } });
      expect(o.sellRate.equals(new Decimal(a.sellRate.toFixed(6)).times("1.1").toDecimalPlaces(6, Decimal.ROUND_UP))).toBe(true);
      expect({ type: o.type, min: o.min, max: o.max }).toEqual({ type: a.type, min: a.min, max: a.max });
    }
  });

  it("orders of several types travel B → A → simulator and reach final states with refunds on both panels", async () => {
    const link = (n: number) => `https://instagram.com/p/chain${n}`;
    const fate = offer((o) => o.type === "Default" && o.min >= 10 && o.sellRate.lt(15), "a cheap Default service");
    for (let n = 0; n < 14; n++) serviceOrders.push(await orderOnB({ serviceId: fate.bId, link: link(n), quantity: fate.min * 2 }));
    const drip = offer((o) => o.type === "Default" && o.dripfeed && o.min * 3 <= o.max && o.sellRate.lt(15), "a drip-feed service");
    serviceOrders.push(await orderOnB({ serviceId: drip.bId, link: link(100), quantity: drip.min, runs: 3, interval: 5 }));
    const comments = offer((o) => o.type === "Custom Comments", "Custom Comments");
    serviceOrders.push(await orderOnB({ serviceId: comments.bId, link: link(101), comments: Array.from({ length: comments.min }, (_, i) => `Nice ${i}`).join("\n") }));
    const pkg = offer((o) => o.type === "Package", "a Package");
    serviceOrders.push(await orderOnB({ serviceId: pkg.bId, link: link(102) }));
    const poll = offer((o) => o.type === "Poll", "a Poll");
    serviceOrders.push(await orderOnB({ serviceId: poll.bId, link: link(103), quantity: poll.min, answerNumber: 2 }));
    const subs = offer((o) => o.type === "Subscriptions", "Subscriptions");
    serviceOrders.push(await orderOnB({ serviceId: subs.bId, username: "alice", min: subs.min, max: subs.min * 2, posts: 2, delay: 30, expiry: "31/12/2030" }));
    const mentions = offer((o) => o.type === "Mentions with Hashtags", "Mentions with Hashtags");
    serviceOrders.push(await orderOnB({ serviceId: mentions.bId, link: link(104), quantity: mentions.min, usernames: "alice\nbob", hashtags: "#sun" }));
    const cancellable = offer((o) => o.type === "Default" && o.cancel && o.sellRate.lt(15), "a cancellable Default service");
    const toCancel = await orderOnB({ serviceId: cancellable.bId, link: link(105), quantity: cancellable.min * 5 });
    serviceOrders.push(toCancel);

    for (const id of serviceOrders) {
      const b = await dbB.order.findUniqueOrThrow({ where: { id } });
      expect(b.state).toBe("pending");
      const a = await aOrderOf(id);
      // A's order belongs to B's account at A and points at the simulator's order, which B never sees.
      expect(a.userId).toBe(reseller.id);
      expect(a.quantity).toBe(b.quantity);
      expect(sim.orders().some((s) => s.id === a.upstreamOrderId)).toBe(true);
      expect(b.upstreamOrderId).not.toBe(a.upstreamOrderId);
      // B's price covers A's: B never sells at a loss.
      expect(new Decimal(b.charge.toFixed(6)).gte(new Decimal(a.charge.toFixed(6)))).toBe(true);
    }

    expect(await requestCancel(dbB, buyer.id, toCancel)).toEqual({ ok: true });
    expect((await aOrderOf(toCancel)).cancelRequestedAt).not.toBeNull();

    await settleChain(600);
    const states = new Set<string>();
    for (const id of serviceOrders) {
      const b = await dbB.order.findUniqueOrThrow({ where: { id } });
      const a = await aOrderOf(id);
      expect(FINAL).toContain(b.state);
      expect(b.state).toBe(a.state);
      if (b.state === "partial") expect(b.remains).toBe(a.remains);
      states.add(b.state);
    }
    expect((await dbB.order.findUniqueOrThrow({ where: { id: toCancel } })).state).toBe("canceled");
    expect(states).toEqual(new Set(FINAL));
    const refunds = await dbB.ledgerEntry.groupBy({ by: ["kind"], where: { userId: buyer.id }, _count: { _all: true } });
    expect(refunds.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(["refund_canceled", "refund_partial"]));
  });

  it("refills requested on B are created at A and followed to their end", async () => {
    const refillable = await dbB.order.findMany({
      where: { id: { in: serviceOrders }, state: { in: ["completed", "partial"] }, service: { refill: true } },
      select: { id: true },
    });
    if (refillable.length === 0) {
      // The fate orders' service may not offer refills: order and finish one that does.
      const o = offer((x) => x.type === "Default" && x.refill && x.sellRate.lt(15), "a refillable Default service");
      for (let n = 0; n < 4; n++) serviceOrders.push(await orderOnB({ serviceId: o.bId, link: `https://instagram.com/p/refill${n}`, quantity: o.min * 2 }));
      await settleChain(600);
      refillable.push(...(await dbB.order.findMany({ where: { id: { in: serviceOrders }, state: { in: ["completed", "partial"] }, service: { refill: true } }, select: { id: true } })));
    }
    expect(refillable.length).toBeGreaterThan(0);
    const target = refillable[0].id;
    const requested = await requestRefill(dbB, buyer.id, target);
    expect(requested).toMatchObject({ ok: true, refill: { state: "pending" } });
    if (!requested.ok) return;
    const bRefill = await dbB.refill.findUniqueOrThrow({ where: { id: requested.refill.id } });
    const aRefill = await dbA.refill.findUniqueOrThrow({ where: { id: Number(bRefill.upstreamRefillId) } });
    expect(aRefill).toMatchObject({ userId: reseller.id, orderId: (await aOrderOf(target)).id });
    expect(sim.refills().map((r) => r.id)).toContain(aRefill.upstreamRefillId);

    await settleChain(120);
    const bFinal = await dbB.refill.findUniqueOrThrow({ where: { id: bRefill.id } });
    const aFinal = await dbA.refill.findUniqueOrThrow({ where: { id: aRefill.id } });
    expect(["completed", "rejected"]).toContain(aFinal.state);
    expect(bFinal.state).toBe(aFinal.state);
  });

  it("a product bought on B is delivered through A with its result lines", async () => {
    const aProducts = await dbA.product.findMany({ where: { providerId: providerA, enabled: true, stockStatus: "In stock", productType: "Auto", requireText: null } });
    const bProduct = await dbB.product.findFirstOrThrow({ where: { providerId: providerB, upstreamId: { in: aProducts.filter((p) => (p.inventory ?? 0) >= 2).map((p) => String(p.id)) } } });
    const placed = await placeProductOrder(dbB, buyer.id, { productId: bProduct.id, quantity: 2 });
    if (!placed.ok) throw new Error(placed.message);
    await settleChain(120);
    const b = await dbB.order.findUniqueOrThrow({ where: { id: placed.order.id } });
    const a = await aOrderOf(b.id);
    expect(b.state).toBe("completed");
    expect(a.state).toBe("completed");
    const simLines = sim.productOrders().find((o) => o.id === a.upstreamOrderId)!.lines;
    expect(simLines).toHaveLength(2);
    expect(a.resultLines).toEqual(simLines);
    expect(await getProductResults(dbB, buyer.id, b.id)).toEqual({ ok: true, lines: simLines });
  });

  it("both ledgers verify clean, and B's view of its balance at A is A's ledger", async () => {
    await settleChain(600);
    const a = await verifyLedger(dbA, { customerIds: [reseller.id] });
    expect(a.mismatches).toEqual([]);
    const b = await verifyLedger(dbB);
    expect(b.mismatches).toEqual([]);
    expect(a.ok && b.ok).toBe(true);
    const { checkProvider } = await import("@/lib/providers/manage-providers");
    const check = await checkProvider(dbB, providerB);
    const atA = await dbA.user.findUniqueOrThrow({ where: { id: reseller.id } });
    expect(check).toMatchObject({ ok: true, balance: new Decimal(atA.balance.toFixed(6)).toString() });
    // Nothing on B is still waiting on A.
    expect(await dbB.order.count({ where: { state: { notIn: ["completed", "partial", "canceled"] } } })).toBe(0);
  });
});
