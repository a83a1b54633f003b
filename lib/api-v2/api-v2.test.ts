// Our /api/v2 over real HTTP (the route's POST behind node:http), driven by the project's own
// upstream client: every action, with the simulator as our upstream and the worker's pass
// moving orders to their final states. Passing here means any tool written for such panels —
// our client included — works against us unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v2/route";
import { PANEL_CURRENCY } from "@/lib/currency";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { verifyLedger } from "@/lib/ledger";
import { Decimal, partialRefund, serviceCharge } from "@/lib/money";
import { createUpstreamClient, type OrderStatus, type ServiceListing, type UpstreamClient, type UpstreamResult } from "@/lib/upstream";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { exampleOrder } from "./testing/example-orders";
import { connectUpstream, createApiCustomer, workerPass, type TestCustomer } from "@/lib/testing/fixtures";
import { serveHandler, type ServedHandler } from "./testing/serve-handler";

let db: Db;
let sim: SimulatorHandle;
let served: ServedHandler;
let customer: TestCustomer;
let other: TestCustomer;
let client: UpstreamClient;
let otherClient: UpstreamClient;
let services: ServiceListing[];
let providerId: number;
/** One order of the other customer, for "another customer's order id" checks. */
let othersOrder: string;

process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

beforeAll(async () => {
  db = await getDb();
  sim = await startSimulator({ seed: 21, services: 60, products: 8, balance: "100000" });
  providerId = await connectUpstream(db, { url: sim.url, key: sim.apiKey }, "20");
  customer = await createApiCustomer(db, "api-main", "5000");
  other = await createApiCustomer(db, "api-other", "100");
  served = await serveHandler(POST);
  client = createUpstreamClient({ url: served.url, key: customer.key, timeoutMs: 20_000, retryDelayMs: 5 });
  otherClient = createUpstreamClient({ url: served.url, key: other.key, timeoutMs: 20_000, retryDelayMs: 5 });
  // Other test files register their own simulators in the same database; use ours only.
  const ours = new Set((await db.service.findMany({ where: { providerId }, select: { id: true } })).map((row) => String(row.id)));
  services = unwrap(await client.services()).filter((listing) => ours.has(listing.service));
  const cheap = services.find((s) => s.type === "Default" && s.rate.lt(10))!;
  othersOrder = unwrap(await otherClient.add({ service: cheap.service, type: "Default", link: "https://instagram.com/p/other", quantity: cheap.min })).order;
});

afterAll(async () => {
  await served?.close();
  await sim?.close();
  await closeDb();
});

function unwrap<T>(result: UpstreamResult<T>): T {
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
  return result.value;
}

function serviceWhere(predicate: (service: ServiceListing) => boolean, what: string): ServiceListing {
  const found = services.find(predicate);
  if (!found) throw new Error(`the catalog lacks ${what}`);
  return found;
}

async function balanceOf(id: number): Promise<Decimal> {
  return new Decimal((await db.user.findUniqueOrThrow({ where: { id }, select: { balance: true } })).balance.toFixed(6));
}

async function finishEverything() {
  sim.advance(600);
  await workerPass(db, [providerId]);
  await workerPass(db, [providerId]);
}

describe("catalog and balance", () => {
  it("services lists our ids, our marked-up rates as strings, types, limits and flags", async () => {
    const rows = await db.service.findMany({ where: { providerId, enabled: true } });
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    const all = unwrap(await client.services());
    const mine = all.filter((s) => byId.has(s.service));
    expect(mine.length).toBe(rows.length);
    expect(new Set(mine.map((s) => s.type)).size).toBe(14);
    for (const listing of mine) {
      const row = byId.get(listing.service)!;
      expect(listing.rate.equals(new Decimal(row.sellRate.toFixed(6)))).toBe(true);
      // 20 % over the simulator's rate, never the simulator's own price.
      expect(listing.rate.equals(new Decimal(row.upstreamRate.toFixed()).times("1.2").toDecimalPlaces(6, Decimal.ROUND_UP))).toBe(true);
      expect({ min: listing.min, max: listing.max, refill: listing.refill, cancel: listing.cancel, dripfeed: listing.dripfeed, type: listing.type }).toEqual({
        min: row.min, max: row.max, refill: row.refill, cancel: row.cancel, dripfeed: row.dripfeed, type: row.type,
      });
    }
    // The wire format: strings for rate/min/max, as most panels send them.
    const raw = (await (await fetch(served.url, { method: "POST", body: new URLSearchParams({ key: customer.key, action: "services" }) })).json()) as Record<string, unknown>[];
    const first = raw.find((s) => byId.has(String(s.service)))!;
    expect(typeof first.service).toBe("number");
    expect(first.rate).toMatch(/^\d+\.\d{6}$/);
    expect(typeof first.min).toBe("string");
    expect(typeof first.refill).toBe("boolean");
  });

  it("balance is the account's balance with 6 decimals and the panel currency", async () => {
    const raw = await (await fetch(served.url, { method: "POST", body: new URLSearchParams({ key: other.key, action: "balance" }) })).json();
    const expected = (await balanceOf(other.id)).toFixed(6);
    expect(raw).toEqual({ balance: expected, currency: PANEL_CURRENCY });
    const parsed = unwrap(await otherClient.balance());
    expect(parsed.balance.toFixed(6)).toBe(expected);
  });
});

describe("service orders", () => {
  it("add places an order of every service type through lib/orders at our price, under our id", async () => {
    for (const type of new Set(services.map((s) => s.type))) {
      const listing = serviceWhere((s) => s.type === type, type);
      const { input, units } = exampleOrder(listing);
      const before = await balanceOf(customer.id);
      const addsBefore = sim.counts.add;
      const created = unwrap(await client.add(input));
      const order = await db.order.findUniqueOrThrow({ where: { id: Number(created.order) }, include: { service: true } });
      expect(order.userId).toBe(customer.id);
      expect(String(order.serviceId)).toBe(listing.service);
      expect(order.quantity).toBe(units);
      expect(order.upstreamOrderId).not.toBe(created.order);
      expect(sim.counts.add).toBe(addsBefore + 1);
      // The simulator was asked for its own service id.
      expect(sim.lastRequest("add")?.service).toBe(order.service!.upstreamId);
      const charge = new Decimal(order.charge.toFixed(6));
      expect(before.minus(await balanceOf(customer.id)).equals(charge)).toBe(true);
      if (type === "Default") expect(charge.equals(serviceCharge(listing.rate, units))).toBe(true);
    }
  });

  it("add with runs and interval places a drip-feed order billed for quantity × runs", async () => {
    const listing = serviceWhere((s) => s.type === "Default" && s.dripfeed && s.min * 3 <= s.max, "a drip-feed service");
    const created = unwrap(await client.add({ service: listing.service, type: "Default", link: "https://instagram.com/p/drip", quantity: listing.min, dripFeed: { runs: 3, interval: 15 } }));
    const order = await db.order.findUniqueOrThrow({ where: { id: Number(created.order) } });
    expect(order.quantity).toBe(listing.min * 3);
    expect(new Decimal(order.charge.toFixed(6)).equals(serviceCharge(listing.rate, listing.min * 3))).toBe(true);
    expect(sim.lastRequest("add")).toMatchObject({ quantity: String(listing.min), runs: "3", interval: "15" });
  });

  it("status answers one order and several, keyed by id, with per-id errors for ids that are not the caller's", async () => {
    const listing = serviceWhere((s) => s.type === "Default" && !s.cancel, "a Default service");
    const a = unwrap(await client.add({ service: listing.service, type: "Default", link: "https://instagram.com/p/s1", quantity: listing.min })).order;
    const b = unwrap(await client.add({ service: listing.service, type: "Default", link: "https://instagram.com/p/s2", quantity: listing.min })).order;
    const one = unwrap(await client.status(a));
    expect(one).toMatchObject({ status: "Pending", statusClass: "pending", remains: listing.min, currency: PANEL_CURRENCY, startCount: 0 });
    const row = await db.order.findUniqueOrThrow({ where: { id: Number(a) } });
    expect(one.charge!.equals(new Decimal(row.charge.toFixed(6)))).toBe(true);

    const raw = await (await fetch(served.url, { method: "POST", body: new URLSearchParams({ key: customer.key, action: "status", orders: `${a}, ${b},999999999,${othersOrder},abc` }) })).json();
    expect(Object.keys(raw).sort()).toEqual([a, b, "999999999", othersOrder, "abc"].sort());
    expect(raw[a]).toEqual({ charge: row.charge.toFixed(6), start_count: "0", status: "Pending", remains: String(listing.min), currency: PANEL_CURRENCY });
    for (const missing of ["999999999", othersOrder, "abc"]) expect(raw[missing]).toEqual({ error: "Incorrect order ID" });

    const many = unwrap(await client.statuses([a, b, othersOrder]));
    expect((many.get(b) as OrderStatus).statusClass).toBe("pending");
    expect(many.get(othersOrder)).toEqual({ error: "Incorrect order ID", kind: "definite" });
    expect(await client.status(othersOrder)).toMatchObject({ ok: false, kind: "definite", message: "Incorrect order ID" });
  });

  it("orders reach their final states with the worker's pass; Partial and Canceled report the charge after refund", async () => {
    const listing = serviceWhere((s) => s.type === "Default" && s.min >= 10 && s.rate.lt(20), "a Default service");
    const ids: string[] = [];
    for (let index = 0; index < 14; index++) {
      ids.push(unwrap(await client.add({ service: listing.service, type: "Default", link: `https://instagram.com/p/fate${index}`, quantity: listing.min * 2 })).order);
    }
    await finishEverything();
    const statuses = unwrap(await client.statuses(ids));
    const seen = new Set<string>();
    for (const id of ids) {
      const status = statuses.get(id) as OrderStatus;
      const row = await db.order.findUniqueOrThrow({ where: { id: Number(id) } });
      seen.add(status.status);
      expect(status.status).toBe({ completed: "Completed", partial: "Partial", canceled: "Canceled" }[row.state as string]);
      const charge = new Decimal(row.charge.toFixed(6));
      if (row.state === "completed") expect(status.charge!.equals(charge)).toBe(true);
      if (row.state === "canceled") expect(status.charge!.isZero()).toBe(true);
      if (row.state === "partial") {
        expect(status.remains).toBe(row.remains);
        expect(status.charge!.equals(charge.minus(partialRefund(charge, String(row.remains), row.quantity)))).toBe(true);
      }
    }
    // Seed 21 gives all three outcomes; if the simulator changes, pick another seed.
    expect(seen).toEqual(new Set(["Completed", "Partial", "Canceled"]));
  });

  it("refill and refill_status, one and several, with our refill ids", async () => {
    const listing = serviceWhere((s) => s.type === "Default" && s.refill && s.rate.lt(20), "a refillable Default service");
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      ids.push(unwrap(await client.add({ service: listing.service, type: "Default", link: `https://instagram.com/p/refill${index}`, quantity: listing.min * 2 })).order);
    }
    expect(await client.refill(ids[0])).toMatchObject({ ok: false, kind: "definite", message: "A refill can be requested once the order is completed." });
    await finishEverything();
    const rows = await db.order.findMany({ where: { id: { in: ids.map(Number) } } });
    const finished = rows.filter((r) => r.state === "completed" || r.state === "partial").map((r) => String(r.id));
    expect(finished.length).toBeGreaterThanOrEqual(3);

    const single = unwrap(await client.refill(finished[0]));
    const refillRow = await db.refill.findUniqueOrThrow({ where: { id: Number(single.refill) } });
    expect(refillRow).toMatchObject({ orderId: Number(finished[0]), userId: customer.id });
    expect(refillRow.upstreamRefillId).not.toBeNull();

    const batch = unwrap(await client.refills([finished[1], finished[2], "999999999", othersOrder]));
    expect(batch).toHaveLength(4);
    const created = batch.filter((item): item is { order: string; refill: string } => "refill" in item && typeof item.refill === "string");
    expect(created.map((item) => item.order)).toEqual([finished[1], finished[2]]);
    expect(batch.filter((item) => "error" in item)).toEqual([
      { order: "999999999", error: "Incorrect order ID", kind: "definite" },
      { order: othersOrder, error: "Incorrect order ID", kind: "definite" },
    ]);
    // A second refill within the cooldown is refused, per item.
    const again = unwrap(await client.refills([finished[0]]));
    expect(again[0]).toMatchObject({ order: finished[0], kind: "definite" });

    expect(unwrap(await client.refillStatus(single.refill))).toMatchObject({ status: "Pending", statusClass: "pending" });
    sim.advance(120);
    await workerPass(db, [providerId]);
    const refillIds = [single.refill, ...created.map((item) => item.refill)];
    const statuses = unwrap(await client.refillStatuses([...refillIds, "999999999"]));
    for (const id of refillIds) {
      const item = statuses.find((s) => s.refill === id)!;
      expect("statusClass" in item && ["completed", "rejected"].includes(item.statusClass)).toBe(true);
    }
    expect(statuses.find((s) => s.refill === "999999999")).toEqual({ refill: "999999999", error: "Refill not found", kind: "definite" });
    expect(await client.refillStatus("999999999")).toMatchObject({ ok: false, kind: "definite", message: "Refill not found" });
    // Another customer cannot read our refills.
    expect(await otherClient.refillStatus(single.refill)).toMatchObject({ ok: false, message: "Refill not found" });
  });

  it("cancel answers per id; the order turns Canceled and is refunded when the upstream confirms", async () => {
    const listing = serviceWhere((s) => s.type === "Default" && s.cancel && s.rate.lt(20), "a cancellable Default service");
    const id = unwrap(await client.add({ service: listing.service, type: "Default", link: "https://instagram.com/p/cancel", quantity: listing.min * 5 })).order;
    const before = await balanceOf(customer.id);
    const answer = unwrap(await client.cancel([id, "999999999", othersOrder]));
    expect(answer).toEqual([
      { order: id, ok: true },
      { order: "999999999", error: "Incorrect order ID", kind: "definite" },
      { order: othersOrder, error: "Incorrect order ID", kind: "definite" },
    ]);
    // Asking again: refused per item, nothing sent twice.
    const again = unwrap(await client.cancel([id]));
    expect(again[0]).toMatchObject({ order: id, kind: "definite" });
    // Requested is not refunded.
    expect((await balanceOf(customer.id)).equals(before)).toBe(true);
    sim.advance(10);
    await workerPass(db, [providerId]);
    const status = unwrap(await client.status(id));
    expect(status).toMatchObject({ status: "Canceled", statusClass: "canceled" });
    expect(status.charge!.isZero()).toBe(true);
    const row = await db.order.findUniqueOrThrow({ where: { id: Number(id) } });
    expect((await balanceOf(customer.id)).minus(before).equals(new Decimal(row.charge.toFixed(6)))).toBe(true);
  });
});

describe("product orders", () => {
  it("products, add_product_order, product_order_status (one and several) and result_product", async () => {
    const products = unwrap(await client.products());
    const rows = await db.product.findMany({ where: { providerId, enabled: true } });
    expect(products.filter((p) => rows.some((r) => String(r.id) === p.product))).toHaveLength(rows.length);
    const auto = products.find((p) => p.type === "Auto" && p.status === "In stock" && (p.inventory ?? 0) >= 2 && rows.some((r) => String(r.id) === p.product))!;
    const service = products.find((p) => p.type === "Service" && p.require && p.status === "In stock" && rows.some((r) => String(r.id) === p.product))!;
    expect(auto && service).toBeTruthy();

    const before = await balanceOf(customer.id);
    const a = unwrap(await client.addProductOrder({ product: auto.product, quantity: 2 })).order;
    const s = unwrap(await client.addProductOrder({ product: service.product, quantity: 1, require: "me@example.com" })).order;
    expect(before.minus(await balanceOf(customer.id)).equals(auto.rate.times(2).plus(service.rate))).toBe(true);
    expect(sim.lastRequest("add_product_order")).toMatchObject({ require: "me@example.com" });

    expect(unwrap(await client.productOrderStatus(a)).statusClass).toMatch(/pending|in_progress/);
    expect(await client.resultProduct(a)).toMatchObject({ ok: false, kind: "definite" });
    // A service order id is not a product order id, and the other way round.
    expect(await client.productOrderStatus(othersOrder)).toMatchObject({ ok: false, message: "Incorrect order ID" });
    expect(await client.status(a)).toMatchObject({ ok: false, message: "Incorrect order ID" });
    expect(await otherClient.resultProduct(a)).toMatchObject({ ok: false, message: "Incorrect order ID" });

    await finishEverything();
    const statuses = unwrap(await client.productOrderStatuses([a, s, "999999999"]));
    expect(statuses.get("999999999")).toEqual({ error: "Incorrect order ID", kind: "definite" });
    for (const id of [a, s]) {
      const row = await db.order.findUniqueOrThrow({ where: { id: Number(id) } });
      const status = statuses.get(id) as { status: string; result: string | null };
      expect(status.status).toBe({ completed: "Completed", partial: "Partial", canceled: "Canceled" }[row.state as string]);
      if (row.state === "completed" || row.state === "partial") {
        expect(status.result?.split("\n")).toEqual(row.resultLines);
        expect(unwrap(await client.resultProduct(id))).toEqual(row.resultLines);
      }
    }
    const autoRow = await db.order.findUniqueOrThrow({ where: { id: Number(a) } });
    expect(autoRow.state).toBe("completed");
    const simOrder = sim.productOrders().find((o) => o.id === autoRow.upstreamOrderId)!;
    expect(unwrap(await client.resultProduct(a))).toEqual(simOrder.lines);
  });
});

describe("idempotency extension", () => {
  it("concurrent adds with the same idempotency_key make one order and one charge; another payload is refused", async () => {
    const listing = serviceWhere((s) => s.type === "Default" && s.rate.lt(20), "a Default service");
    const fields = { key: customer.key, action: "add", service: listing.service, link: "https://instagram.com/p/idem", quantity: String(listing.min), idempotency_key: `idem-${Date.now()}` };
    const addsBefore = sim.counts.add;
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => fetch(served.url, { method: "POST", body: new URLSearchParams(fields) }).then((r) => r.json())),
    );
    const ids = new Set(answers.map((a) => (a as { order: number }).order));
    expect(ids.size).toBe(1);
    const [orderId] = [...ids];
    expect(typeof orderId).toBe("number");
    expect(sim.counts.add).toBe(addsBefore + 1);
    expect(await db.ledgerEntry.count({ where: { orderId, kind: "charge" } })).toBe(1);

    const other = await (await fetch(served.url, { method: "POST", body: new URLSearchParams({ ...fields, quantity: String(listing.min + 1) }) })).json();
    expect(other).toEqual({ error: "This idempotency key was already used for a different order." });

    // The same key as a header; header and field disagreeing is refused.
    const { idempotency_key, ...withoutKey } = fields;
    const viaHeader = await (await fetch(served.url, { method: "POST", body: new URLSearchParams(withoutKey), headers: { "Idempotency-Key": idempotency_key } })).json();
    expect(viaHeader).toEqual({ order: orderId });
    const clash = await (await fetch(served.url, { method: "POST", body: new URLSearchParams(fields), headers: { "Idempotency-Key": "something-else" } })).json();
    expect(clash.error).toMatch(/^Incorrect request: idempotency_key/);
  });
});

describe("money stays explained", () => {
  it("the ledger of every customer who used the API verifies clean", async () => {
    await finishEverything();
    const report = await verifyLedger(db, { customerIds: [customer.id, other.id] });
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
    // And the API's balance is the ledger's.
    expect(unwrap(await client.balance()).balance.equals(await balanceOf(customer.id))).toBe(true);
  });
});
