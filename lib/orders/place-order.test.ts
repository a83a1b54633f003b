import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connection";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { verifyLedger } from "@/lib/ledger/verify-ledger";
import { Decimal, serviceCharge } from "@/lib/money";
import { setSimulatorStock } from "@/lib/upstream/simulator";
import { balanceOf as balanceOfAccount, createCustomer, serviceOfType, TEST_LINK, withTestProvider, type TestProvider } from "@/lib/testing/fixtures";
import { getOrder, listOrders } from "./list-orders";
import { placeOrder } from "./place-order";
import { ZPlaceOrderInput } from "./schemas";
import { placeProductOrder } from "./place-product-order";
import { resolveUnknownOrder } from "./resolve-unknown-order";
import { recordSubmitOutcome } from "./submit-order";

let db: Db;
let provider: TestProvider;
withTestProvider((ready) => ({ db, provider } = ready));

const balanceOf = (customerId: number) => balanceOfAccount(db, customerId);

describe("placeOrder", () => {
  it("charges the sell price, sends add once with the type's fields, and ends pending with the upstream id", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { dripfeed: true, min: { lte: 100 } });
    const customerId = await createCustomer(db, "100");
    const adds = provider.sim.counts.add;
    const result = await placeOrder(db, customerId, ZPlaceOrderInput.parse({ serviceId: String(service.id), link: TEST_LINK, quantity: "100", runs: "3", interval: "15" }));
    if (!result.ok) throw new Error(result.message);
    const charge = serviceCharge(service.sellRate.toFixed(), 300);
    expect(result.order).toMatchObject({ state: "pending", quantity: 300, charge: charge.toFixed(6) });
    // What it cost us at the upstream's listed rate, converted, exactly: rate × 300 / 1000 × exchange rate.
    const exchangeRate = (await db.provider.findUniqueOrThrow({ where: { id: provider.providerId } })).exchangeRate.toFixed();
    const cost = new Decimal(service.upstreamRate.toFixed()).times(300).dividedBy(1000).times(exchangeRate).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
    expect((await db.order.findUniqueOrThrow({ where: { id: result.order.id } })).upstreamCost?.toFixed(6)).toBe(cost.toFixed(6));
    expect(provider.sim.counts.add).toBe(adds + 1);
    expect(provider.sim.lastRequest("add")).toMatchObject({ service: service.upstreamId, link: TEST_LINK, quantity: "100", runs: "3", interval: "15" });
    const row = await db.order.findUniqueOrThrow({ where: { id: result.order.id } });
    expect(row.upstreamOrderId).toBe(provider.sim.orders().at(-1)!.id);
    expect(row.submitStartedAt).not.toBeNull();
    expect(await balanceOf(customerId)).toBe(new Decimal(100).minus(charge).toFixed(6));
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("refuses without moving money: validation, a disabled service, not enough funds, a suspended account", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default");
    const customerId = await createCustomer(db, "0.01");
    const adds = provider.sim.counts.add;
    expect(await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.min - 1 })).toMatchObject({
      ok: false,
      fields: { quantity: { message: `The minimum is ${service.min}.` } },
    });
    // Ids that are not ids never reach placeOrder: the boundary's parse refuses them.
    expect(ZPlaceOrderInput.safeParse({ serviceId: "abc" }).success).toBe(false);
    expect(await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: service.max })).toEqual({
      ok: false,
      code: "not_enough_funds",
      message: "Not enough funds on balance",
    });
    const disabled = await serviceOfType(db, provider.providerId, "Default", { id: { not: service.id } });
    await db.service.update({ where: { id: disabled.id }, data: { enabled: false } });
    expect(await placeOrder(db, customerId, { serviceId: disabled.id, link: TEST_LINK, quantity: disabled.min })).toMatchObject({ ok: false, message: "This service is not available." });
    await db.service.update({ where: { id: disabled.id }, data: { enabled: true } });
    const suspended = await createCustomer(db, "100");
    await db.user.update({ where: { id: suspended }, data: { status: "suspended" } });
    expect(await placeOrder(db, suspended, { serviceId: service.id, link: TEST_LINK, quantity: service.min })).toMatchObject({ ok: false, message: "Your account is suspended." });
    expect(provider.sim.counts.add).toBe(adds);
    expect(await balanceOf(customerId)).toBe("0.010000");
    expect(await db.order.count({ where: { userId: { in: [customerId, suspended] } } })).toBe(0);
  });

  it("200 concurrent orders from a balance that covers exactly 50: 50 placed, never overdrawn, ledger clean", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const charge = serviceCharge(service.sellRate.toFixed(), 100);
    const customerId = await createCustomer(db, charge.times(50).toFixed(6));
    const results = await Promise.all(
      Array.from({ length: 200 }, () => placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: 100 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.message === "Not enough funds on balance")).toBe(true);
    expect(await balanceOf(customerId)).toBe("0.000000");
    expect(await db.order.count({ where: { userId: customerId } })).toBe(50);
    const report = await verifyLedger(db, { customerIds: [customerId] });
    expect(report.mismatches).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it("a retry with the same key is answered with its order even after the service was disabled and the balance spent", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const charge = serviceCharge(service.sellRate.toFixed(), 100);
    const customerId = await createCustomer(db, charge.toFixed(6));
    const input = { serviceId: service.id, link: TEST_LINK, quantity: 100, idempotencyKey: "retry-after-change" };
    const first = await placeOrder(db, customerId, input);
    if (!first.ok) throw new Error(first.message);
    const adds = provider.sim.counts.add;
    await db.service.update({ where: { id: service.id }, data: { enabled: false } });
    try {
      const retry = await placeOrder(db, customerId, input);
      expect(retry).toMatchObject({ ok: true, duplicate: true, order: { id: first.order.id } });
      expect(await placeOrder(db, customerId, { ...input, idempotencyKey: "a-new-key" })).toMatchObject({ ok: false });
    } finally {
      await db.service.update({ where: { id: service.id }, data: { enabled: true } });
    }
    expect(provider.sim.counts.add).toBe(adds);
    expect(await balanceOf(customerId)).toBe("0.000000");
    expect(await db.ledgerEntry.count({ where: { userId: customerId, kind: "charge" } })).toBe(1);
  });

  it("the same idempotency key sent 50 times at once makes one order and one debit; another payload with it is refused", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const customerId = await createCustomer(db, "1000");
    const adds = provider.sim.counts.add;
    const input = { serviceId: service.id, link: TEST_LINK, quantity: 100, idempotencyKey: "key-1" };
    const results = await Promise.all(Array.from({ length: 50 }, () => placeOrder(db, customerId, input)));
    const ids = new Set(results.map((r) => (r.ok ? r.order.id : r.message)));
    expect([...ids]).toHaveLength(1);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(provider.sim.counts.add).toBe(adds + 1);
    expect(await db.ledgerEntry.count({ where: { userId: customerId, kind: "charge" } })).toBe(1);
    expect(await placeOrder(db, customerId, { ...input, quantity: 200 })).toMatchObject({ ok: false, message: "This idempotency key was already used for a different order." });
    // Keys are per customer: another customer may use the same one.
    const other = await createCustomer(db, "1000");
    const theirs = await placeOrder(db, other, input);
    expect(theirs.ok && !theirs.duplicate).toBe(true);
    expect((await verifyLedger(db, { customerIds: [customerId, other] })).ok).toBe(true);
  });

  it("places every service type through the simulator", async () => {
    const customerId = await createCustomer(db, "100000");
    const lines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i}`).join("\n");
    const inputs: Record<string, (s: { min: number }) => Record<string, unknown>> = {
      Package: () => ({ link: TEST_LINK }),
      "Custom Comments": (s) => ({ link: TEST_LINK, comments: lines(Math.max(s.min, 3), "nice ") }),
      "Custom Comments Package": () => ({ link: TEST_LINK, comments: lines(10, "c") }),
      Mentions: (s) => ({ link: TEST_LINK, quantity: s.min, usernames: "alice\nbob" }),
      "Mentions with Hashtags": (s) => ({ link: TEST_LINK, quantity: s.min, usernames: "alice", hashtags: "#a\n#b" }),
      "Mentions Custom List": (s) => ({ link: TEST_LINK, usernames: lines(Math.max(s.min, 3), "user") }),
      "Mentions Hashtag": (s) => ({ link: TEST_LINK, quantity: s.min, hashtag: "#sun" }),
      "Mentions User Followers": (s) => ({ link: TEST_LINK, quantity: s.min, username: "celebrity" }),
      "Mentions Media Likers": (s) => ({ link: TEST_LINK, quantity: s.min, media: "https://instagram.com/p/xyz" }),
      "Comment Likes": (s) => ({ link: TEST_LINK, quantity: s.min, username: "commenter" }),
      Poll: (s) => ({ link: TEST_LINK, quantity: s.min, answerNumber: 2 }),
      "Comment Replies": (s) => ({ link: TEST_LINK, username: "commenter", comments: lines(Math.max(s.min, 2), "reply ") }),
      Subscriptions: (s) => ({ username: "someone", min: s.min, max: s.min * 2, posts: 2, delay: 30, expiry: "31/12/2099" }),
    };
    for (const [type, input] of Object.entries(inputs)) {
      const service = await serviceOfType(db, provider.providerId, type);
      const result = await placeOrder(db, customerId, { serviceId: service.id, ...input(service) });
      expect(result.ok ? result.order.state : result, type).toBe("pending");
    }
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("product orders: charged per unit, require sent, inventory checked", async () => {
    const customerId = await createCustomer(db, "10000");
    const withRequire = await db.product.findFirstOrThrow({ where: { providerId: provider.providerId, requireText: { not: null }, enabled: true } });
    expect(await placeProductOrder(db, customerId, { productId: withRequire.id, quantity: 1 })).toMatchObject({ ok: false, fields: { require: { message: expect.any(String) } } });
    const placed = await placeProductOrder(db, customerId, { productId: withRequire.id, quantity: 1, require: "me@example.com" });
    expect(placed).toMatchObject({ ok: true, order: { state: "pending", kind: "product", charge: withRequire.sellRate.toFixed(6) } });
    expect(provider.sim.lastRequest("add_product_order")).toMatchObject({ product: withRequire.upstreamId, quantity: "1", require: "me@example.com" });
    if (!placed.ok) throw new Error(placed.message);
    const { exchangeRate } = await db.provider.findUniqueOrThrow({ where: { id: provider.providerId } });
    const unitCost = new Decimal(withRequire.upstreamRate.toFixed()).times(exchangeRate.toFixed()).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
    expect((await db.order.findUniqueOrThrow({ where: { id: placed.order.id } })).upstreamCost?.toFixed(6)).toBe(unitCost.toFixed(6));
  });

  it("a product the upstream lists with too little or no stock is refused before anything is sent or charged", async () => {
    const customerId = await createCustomer(db, "10000");
    const counted = await db.product.findFirstOrThrow({
      where: { providerId: provider.providerId, enabled: true, inventory: { gte: 3 }, max: { gte: 2 }, requireText: null },
      orderBy: { id: "desc" },
    });
    const sim = { url: provider.sim.url, key: provider.sim.apiKey };
    const refusedWith = async (inventory: number, quantity: number) => {
      // The upstream's stock reaches us the way it does in production: through a catalog sync.
      await setSimulatorStock(sim, Number(counted.upstreamId), inventory);
      const synced = await syncCatalog(db, provider.providerId, { markupPercent: "25" });
      if (!synced.ok) throw new Error(synced.message);
      expect((await db.product.findUniqueOrThrow({ where: { id: counted.id } })).inventory).toBe(inventory);
      return placeProductOrder(db, customerId, { productId: counted.id, quantity });
    };
    const sends = provider.sim.counts.add_product_order;
    expect(await refusedWith(1, 2)).toMatchObject({ ok: false, fields: { quantity: { code: "out_of_stock", message: "Only 1 left.", data: { left: 1 } } } });
    expect(await refusedWith(0, 1)).toMatchObject({ ok: false, fields: { quantity: { code: "out_of_stock", message: "Out of stock.", data: { left: 0 } } } });
    expect(provider.sim.counts.add_product_order).toBe(sends);
    expect(await balanceOf(customerId)).toBe("10000.000000");
    expect(await db.order.count({ where: { userId: customerId } })).toBe(0);
  });

  it("a product sold from a counted stock shows the stock left at once, never below zero", async () => {
    const customerId = await createCustomer(db, "10000");
    const counted = await db.product.findFirstOrThrow({ where: { providerId: provider.providerId, enabled: true, inventory: { gte: 3 }, requireText: null } });
    const before = counted.inventory!;
    const placed = await placeProductOrder(db, customerId, { productId: counted.id, quantity: 2, idempotencyKey: "stock-1" });
    expect(placed).toMatchObject({ ok: true, order: { state: "pending" } });
    expect((await db.product.findUniqueOrThrow({ where: { id: counted.id } })).inventory).toBe(before - 2);
    // A retry of the same purchase is the same order: the stock is not counted down twice.
    expect(await placeProductOrder(db, customerId, { productId: counted.id, quantity: 2, idempotencyKey: "stock-1" })).toMatchObject({ ok: true, duplicate: true });
    expect((await db.product.findUniqueOrThrow({ where: { id: counted.id } })).inventory).toBe(before - 2);
  });

  it("getOrder and listOrders only show the customer's own orders", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const owner = await createCustomer(db, "100");
    const stranger = await createCustomer(db, "100");
    const placed = await placeOrder(db, owner, { serviceId: service.id, link: TEST_LINK, quantity: 100 });
    if (!placed.ok) throw new Error(placed.message);
    expect(await getOrder(db, owner, placed.order.id)).toMatchObject({ id: placed.order.id, name: service.name });
    expect(await getOrder(db, stranger, placed.order.id)).toBeNull();
    expect(await getOrder(db, stranger, 987_654_321)).toBeNull();
    expect((await listOrders(db, owner)).orders.map((o) => o.id)).toEqual([placed.order.id]);
    expect(await listOrders(db, stranger)).toMatchObject({ orders: [], total: 0 });
    expect((await listOrders(db, owner, { state: "completed" })).total).toBe(0);
    expect(JSON.stringify(await getOrder(db, owner, placed.order.id))).not.toContain("upstream");
  });
});

describe("upstream failures during add", () => {
  // `created`: whether the simulator made the order before the fault (what staff would find).
  // A 429 proves nothing about the panel behind the limiter, so the client calls it indeterminate.
  const scenarios = [
    { fault: { type: "error", message: "Not enough funds on balance" }, state: "failed", created: false },
    { fault: { type: "error", message: "Incorrect service ID" }, state: "failed", created: false },
    { fault: { type: "http500" }, state: "unknown", created: false },
    { fault: { type: "http502" }, state: "unknown", created: false },
    { fault: { type: "rate-limit", retryAfter: 1 }, state: "unknown", created: false },
    { fault: { type: "truncated-json" }, state: "unknown", created: true },
    { fault: { type: "malformed-json" }, state: "unknown", created: true },
    { fault: { type: "hang" }, state: "unknown", created: false },
    { fault: { type: "latency", ms: 3_000 }, state: "unknown", created: true },
    { fault: { type: "create-then-drop" }, state: "unknown", created: true },
  ] as const;

  for (const scenario of scenarios) {
    it(`${scenario.fault.type}${"message" in scenario.fault ? ` "${scenario.fault.message}"` : ""} → ${scenario.state}`, async () => {
      const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
      const customerId = await createCustomer(db, "100");
      const before = { add: provider.sim.counts.add, created: provider.sim.orders().length };
      provider.sim.setFault("add", { ...scenario.fault, times: 1 });
      const input = { serviceId: service.id, link: TEST_LINK, quantity: 100, idempotencyKey: `fault-${scenario.fault.type}` };
      const result = await placeOrder(db, customerId, input);
      provider.sim.setFault("add", null);
      // A retry with the same key gets the first answer again and sends nothing.
      const retry = await placeOrder(db, customerId, input);
      expect(provider.sim.counts.add - before.add).toBe(1);
      if (result.ok) expect(retry).toMatchObject({ ok: true, duplicate: true, order: { id: result.order.id } });
      else expect(retry).toEqual(result);
      // A slow answer (latency) creates the order only once its delay is over: wait for that, not for a fixed time.
      await expect.poll(() => provider.sim.orders().length - before.created, { timeout: 5_000 }).toBe(scenario.created ? 1 : 0);
      const order = await db.order.findFirstOrThrow({ where: { userId: customerId } });
      expect(order.state).toBe(scenario.state);
      if (scenario.state === "failed") {
        expect(result).toMatchObject({ ok: false, code: "placement_failed", data: { orderId: order.id } });
        expect(await balanceOf(customerId)).toBe("100.000000");
        expect(await db.ledgerEntry.count({ where: { orderId: order.id, kind: "refund_failed" } })).toBe(1);
      } else {
        // Money stays charged: the upstream may have the order.
        expect(result).toMatchObject({ ok: true, order: { state: "unknown" } });
        expect(await balanceOf(customerId)).toBe((100 - Number(order.charge)).toFixed(6));
        expect(order.flag).toMatch(/lost/);
      }
      expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
    });
  }

  it("create-then-drop: the simulator has the order, ours is unknown, add was sent exactly once; staff resolve it as placed", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const customerId = await createCustomer(db, "100");
    const adds = provider.sim.counts.add;
    provider.sim.setFault("add", { type: "create-then-drop", times: 1 });
    const result = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: 100 });
    expect(result).toMatchObject({ ok: true, order: { state: "unknown" } });
    expect(provider.sim.counts.add).toBe(adds + 1);
    const created = provider.sim.orders().at(-1)!;
    const orderId = result.ok ? result.order.id : 0;
    expect(await resolveUnknownOrder(db, orderId, { placed: created.id }, null)).toEqual({ ok: true, state: "pending" });
    expect(await resolveUnknownOrder(db, orderId, { failed: true }, null)).toMatchObject({ ok: false });
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ state: "pending", upstreamOrderId: created.id, flag: null });
    expect(provider.sim.counts.add).toBe(adds + 1);
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("an unknown order resolved as failed is refunded once", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const customerId = await createCustomer(db, "100");
    provider.sim.setFault("add", { type: "http502", times: 1 });
    const result = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: 100 });
    const orderId = result.ok ? result.order.id : 0;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => resolveUnknownOrder(db, orderId, { failed: true }, null)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await balanceOf(customerId)).toBe("100.000000");
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });

  it("two of our orders can never follow one upstream order (the database refuses the second)", async () => {
    const service = await serviceOfType(db, provider.providerId, "Default", { min: { lte: 100 } });
    const customerId = await createCustomer(db, "100");
    const unknownOrder = async () => {
      provider.sim.setFault("add", { type: "http502", times: 1 });
      const placed = await placeOrder(db, customerId, { serviceId: service.id, link: TEST_LINK, quantity: 100 });
      if (!placed.ok) throw new Error(placed.message);
      return placed.order.id;
    };
    const [first, second] = [await unknownOrder(), await unknownOrder()];
    expect(await resolveUnknownOrder(db, first, { placed: "dup-123" }, null)).toEqual({ ok: true, state: "pending" });
    expect(await resolveUnknownOrder(db, second, { placed: "dup-123" }, null)).toEqual({
      ok: false,
      code: "upstream_order_taken",
      message: "Upstream order dup-123 is already followed by another order of this provider.",
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ state: "unknown", upstreamOrderId: null });
    // A late `add` answer naming the same upstream order leaves ours unknown and flagged, not placed twice.
    expect(await recordSubmitOutcome(db, second, { ok: true, value: { order: "dup-123" } })).toBe("not-sent");
    expect(await db.order.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ state: "unknown", upstreamOrderId: null });
    expect((await verifyLedger(db, { customerIds: [customerId] })).ok).toBe(true);
  });
});
