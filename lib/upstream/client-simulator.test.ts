// Every action round-trips between the client and the simulator over real HTTP, and orders,
// refills and product orders reach their final states as simulated time passes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { SERVICE_TYPES, type AddOrderInput } from "./add-order-input";
import { createUpstreamClient, type UpstreamClient } from "./client";
import { startSimulator, type SimulatorHandle } from "./simulator";
import { isFinalOrderClass } from "./statuses";
import type { OrderStatus, ServiceListing, UpstreamResult } from "./types";

let sim: SimulatorHandle;
let client: UpstreamClient;
let services: ServiceListing[];

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, services: 200, balance: "1000" });
  client = createUpstreamClient({ url: sim.url, key: sim.apiKey, timeoutMs: 2_000, retryDelayMs: 5 });
  services = unwrap(await client.services());
});
afterAll(() => sim.close());

function unwrap<T>(result: UpstreamResult<T>): T {
  if (!result.ok) throw new Error(`${result.kind}: ${result.message}`);
  return result.value;
}

function serviceWhere(predicate: (service: ServiceListing) => boolean): ServiceListing {
  const found = services.find(predicate);
  if (!found) throw new Error("the generated catalog lacks a service this test needs");
  return found;
}

const lines = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`);

/** An order of each type, the exact fields it must send, and the units the panel will count. */
function exampleOrder(listing: ServiceListing): { input: AddOrderInput; fields: string[]; units: number } {
  const base = { service: listing.service, link: "https://instagram.com/p/abc" };
  const quantity = listing.min;
  switch (listing.type) {
    case "Default":
      return { input: { ...base, type: "Default", quantity }, fields: ["service", "link", "quantity"], units: quantity };
    case "Package":
      return { input: { ...base, type: "Package" }, fields: ["service", "link"], units: 1 };
    case "Custom Comments":
      return { input: { ...base, type: "Custom Comments", comments: lines(listing.min, "Nice") }, fields: ["service", "link", "comments"], units: listing.min };
    case "Custom Comments Package":
      return { input: { ...base, type: "Custom Comments Package", comments: lines(3, "Wow") }, fields: ["service", "link", "comments"], units: 3 };
    case "Mentions":
      return { input: { ...base, type: "Mentions", quantity, usernames: ["alice", "bob"] }, fields: ["service", "link", "quantity", "usernames"], units: quantity };
    case "Mentions with Hashtags":
      return {
        input: { ...base, type: "Mentions with Hashtags", quantity, usernames: ["alice"], hashtags: ["#sun", "#sea"] },
        fields: ["service", "link", "quantity", "usernames", "hashtags"],
        units: quantity,
      };
    case "Mentions Custom List":
      return { input: { ...base, type: "Mentions Custom List", usernames: lines(listing.min, "user") }, fields: ["service", "link", "usernames"], units: listing.min };
    case "Mentions Hashtag":
      return { input: { ...base, type: "Mentions Hashtag", quantity, hashtag: "#sun" }, fields: ["service", "link", "quantity", "hashtag"], units: quantity };
    case "Mentions User Followers":
      return { input: { ...base, type: "Mentions User Followers", quantity, username: "alice" }, fields: ["service", "link", "quantity", "username"], units: quantity };
    case "Mentions Media Likers":
      return { input: { ...base, type: "Mentions Media Likers", quantity, media: "https://instagram.com/p/xyz" }, fields: ["service", "link", "quantity", "media"], units: quantity };
    case "Comment Likes":
      return { input: { ...base, type: "Comment Likes", quantity, username: "alice" }, fields: ["service", "link", "quantity", "username"], units: quantity };
    case "Poll":
      return { input: { ...base, type: "Poll", quantity, answerNumber: 2 }, fields: ["service", "link", "quantity", "answer_number"], units: quantity };
    case "Comment Replies":
      return { input: { ...base, type: "Comment Replies", username: "alice", comments: lines(listing.min, "Agreed") }, fields: ["service", "link", "username", "comments"], units: listing.min };
    case "Subscriptions":
      return {
        input: { service: listing.service, type: "Subscriptions", username: "alice", min: listing.min, max: listing.min * 2, posts: 3, oldPosts: 1, delay: 30, expiry: "31/12/2030" },
        fields: ["service", "username", "min", "max", "posts", "old_posts", "delay", "expiry"],
        units: listing.min * 2 * (3 + 1),
      };
    default:
      throw new Error(`no example for ${listing.type}`);
  }
}

function expectedCharge(listing: ServiceListing, units: number): Decimal {
  return listing.type === "Package" || listing.type === "Custom Comments Package" ? listing.rate : listing.rate.times(units).dividedBy(1000);
}

function asStatus(item: OrderStatus | { error: string } | undefined): OrderStatus {
  if (!item || "error" in item) throw new Error(`expected a status, got ${JSON.stringify(item)}`);
  return item;
}

describe("catalog", () => {
  it("services cover every type and the usual platforms, with exact rates", () => {
    expect(services).toHaveLength(200);
    expect(new Set(services.map((service) => service.type))).toEqual(new Set(SERVICE_TYPES));
    for (const category of ["Youtube", "Facebook", "Instagram", "TikTok", "Telegram", "Twitter"]) {
      expect(services.some((service) => service.category === category)).toBe(true);
    }
    const byId = new Map(sim.catalog().services.map((service) => [String(service.id), service]));
    for (const listing of services) {
      const original = byId.get(listing.service)!;
      expect(listing.rate.equals(original.rate)).toBe(true);
      expect(listing.rate.decimalPlaces()).toBeLessThanOrEqual(5);
      expect([listing.min, listing.max, listing.refill, listing.cancel, listing.dripfeed]).toEqual([original.min, original.max, original.refill, original.cancel, original.dripfeed]);
    }
    expect(services.some((service) => service.dripfeed) && services.some((service) => service.refill) && services.some((service) => service.cancel)).toBe(true);
  });

  it("products come in Auto and Service types, some out of stock", async () => {
    const products = unwrap(await client.products());
    expect(products.length).toBeGreaterThan(4);
    expect(products.some((product) => product.type === "Auto" && product.inventory !== null && product.inventory > 0)).toBe(true);
    expect(products.some((product) => product.status === "Out of stock")).toBe(true);
    expect(products.filter((product) => product.type === "Service").every((product) => product.inventory === null && product.require !== null)).toBe(true);
  });
});

describe("service orders", () => {
  it("add works for every service type, sends exactly that type's fields, and charges exactly", async () => {
    const startBalance = unwrap(await client.balance()).balance;
    let spent = new Decimal(0);
    for (const type of SERVICE_TYPES) {
      const listing = serviceWhere((service) => service.type === type);
      const { input, fields, units } = exampleOrder(listing);
      const created = unwrap(await client.add(input));
      const sent = sim.lastRequest("add")!;
      expect(Object.keys(sent).filter((name) => name !== "action").sort(), type).toEqual([...fields].sort());
      const order = sim.orders().find((candidate) => candidate.id === created.order)!;
      expect(order.quantity, type).toBe(units);
      expect(new Decimal(order.charge).equals(expectedCharge(listing, units)), type).toBe(true);
      spent = spent.plus(order.charge);
    }
    expect(unwrap(await client.balance()).balance.equals(startBalance.minus(spent))).toBe(true);
  });

  it("drip-feed sends runs and interval and charges quantity × runs", async () => {
    const listing = serviceWhere((service) => service.type === "Default" && service.dripfeed);
    const created = unwrap(await client.add({ type: "Default", service: listing.service, link: "https://t.me/x", quantity: listing.min, dripFeed: { runs: 3, interval: 10 } }));
    expect(sim.lastRequest("add")).toMatchObject({ runs: "3", interval: "10", quantity: String(listing.min) });
    const status = unwrap(await client.status(created.order));
    expect(status.charge!.equals(listing.rate.times(listing.min * 3).dividedBy(1000))).toBe(true);
    expect(status).toMatchObject({ status: "Pending", statusClass: "pending", remains: listing.min * 3 });
  });

  it("orders move Pending → In progress → a final state, and the balance ends at the sum of final charges", async () => {
    const listing = serviceWhere((service) => service.type === "Default" && !service.dripfeed && service.min <= 100);
    sim.setBalance("500");
    sim.advance(100_000); // settle everything placed earlier so only these orders move the balance
    sim.setBalance("500");
    const ids: string[] = [];
    for (let index = 0; index < 30; index++) {
      ids.push(unwrap(await client.add({ type: "Default", service: listing.service, link: `https://x.com/p/${index}`, quantity: listing.min * 10 })).order);
    }
    expect(unwrap(await client.status(ids[0])).statusClass).toBe("pending");
    sim.advance(6);
    const midway = unwrap(await client.statuses(ids));
    expect([...midway.values()].some((item) => asStatus(item).statusClass === "in_progress")).toBe(true);

    sim.advance(10_000);
    const final = unwrap(await client.statuses(ids));
    const statuses = ids.map((id) => asStatus(final.get(id)));
    const classes = new Set(statuses.map((status) => status.statusClass));
    expect(classes).toEqual(new Set(["completed", "partial", "canceled"]));
    expect(statuses.every((status) => isFinalOrderClass(status.statusClass))).toBe(true);
    const fullCharge = listing.rate.times(listing.min * 10).dividedBy(1000);
    for (const status of statuses) {
      if (status.statusClass === "completed") expect(status.charge!.equals(fullCharge) && status.remains! <= 0).toBe(true);
      if (status.statusClass === "canceled") expect(status.charge!.isZero() && status.remains === listing.min * 10).toBe(true);
      if (status.statusClass === "partial") {
        const delivered = listing.min * 10 - status.remains!;
        expect(status.remains! > 0 && status.charge!.equals(listing.rate.times(delivered).dividedBy(1000))).toBe(true);
      }
      expect(status.startCount).toBeGreaterThanOrEqual(0);
      expect(status.currency).toBe("USD");
    }
    const charged = statuses.reduce((sum, status) => sum.plus(status.charge!), new Decimal(0));
    expect(unwrap(await client.balance()).balance.equals(new Decimal(500).minus(charged))).toBe(true);
  });

  it("statuses for more than 100 ids are chunked, merged, and keep per-id errors", async () => {
    const listing = serviceWhere((service) => service.type === "Default");
    const real = [];
    for (let index = 0; index < 5; index++) real.push(unwrap(await client.add({ type: "Default", service: listing.service, link: "https://y.com", quantity: listing.min })).order);
    const unknown = Array.from({ length: 120 }, (_, index) => String(900_000_000 + index));
    const before = sim.counts.status;
    const result = unwrap(await client.statuses([...real, ...unknown, real[0]]));
    expect(sim.counts.status - before).toBe(2);
    expect(result.size).toBe(125);
    for (const id of real) expect(asStatus(result.get(id)).statusClass).not.toBe("unknown");
    for (const id of unknown) expect(result.get(id)).toEqual({ error: "Incorrect order ID", kind: "definite" });
    expect(unwrap(await client.statuses([])).size).toBe(0);
  });
});

describe("refills", () => {
  it("refill and refill_status, single and batch, to a final state", async () => {
    const listing = serviceWhere((service) => service.type === "Default" && service.refill && !service.dripfeed);
    const ids: string[] = [];
    for (let index = 0; index < 12; index++) ids.push(unwrap(await client.add({ type: "Default", service: listing.service, link: `https://r.com/${index}`, quantity: listing.min })).order);
    // Not finished yet: the panel refuses.
    expect(await client.refill(ids[0])).toEqual({ ok: false, kind: "definite", message: "Order not eligible for refill", httpStatus: 200 });
    sim.advance(10_000);
    const statuses = unwrap(await client.statuses(ids));
    const finished = ids.filter((id) => ["completed", "partial"].includes(asStatus(statuses.get(id)).statusClass));
    const canceled = ids.filter((id) => asStatus(statuses.get(id)).statusClass === "canceled");
    expect(finished.length).toBeGreaterThanOrEqual(3);

    const single = unwrap(await client.refill(finished[0]));
    expect(unwrap(await client.refillStatus(single.refill))).toEqual({ status: "Pending", statusClass: "pending" });

    const batch = unwrap(await client.refills([finished[1], finished[2], "777777777", ...canceled.slice(0, 1)]));
    expect(batch[0]).toMatchObject({ order: finished[1], refill: expect.any(String) });
    expect(batch[1]).toMatchObject({ order: finished[2], refill: expect.any(String) });
    expect(batch[2]).toEqual({ order: "777777777", error: "Incorrect order ID", kind: "definite" });
    if (canceled.length > 0) expect(batch[3]).toMatchObject({ order: canceled[0], error: "Order not eligible for refill" });

    const refillIds = [single.refill, ...batch.flatMap((item) => ("refill" in item ? [item.refill] : []))];
    sim.advance(3);
    sim.advance(1_000);
    const final = unwrap(await client.refillStatuses([...refillIds, "424242"]));
    expect(final).toHaveLength(4);
    for (const item of final.slice(0, 3)) expect(["completed", "rejected"]).toContain("statusClass" in item ? item.statusClass : item.error);
    expect(final[3]).toEqual({ refill: "424242", error: "Refill not found", kind: "definite" });
    expect(await client.refillStatus("424242")).toMatchObject({ ok: false, kind: "definite", message: "Refill not found" });
  });

  it("refill_status for more than 100 ids is chunked", async () => {
    const before = sim.counts.refill_status;
    const result = unwrap(await client.refillStatuses(Array.from({ length: 150 }, (_, index) => 800_000 + index)));
    expect(sim.counts.refill_status - before).toBe(2);
    expect(result).toHaveLength(150);
  });
});

describe("cancel", () => {
  it("cancels what the service allows, refunds once Canceled, and reports the rest per order", async () => {
    const cancellable = serviceWhere((service) => service.type === "Default" && service.cancel && !service.dripfeed);
    const fixed = serviceWhere((service) => service.type === "Default" && !service.cancel);
    const target = unwrap(await client.add({ type: "Default", service: cancellable.service, link: "https://c.com/1", quantity: cancellable.min }));
    const other = unwrap(await client.add({ type: "Default", service: fixed.service, link: "https://c.com/2", quantity: fixed.min }));
    const balanceBefore = unwrap(await client.balance()).balance;

    const answer = unwrap(await client.cancel([target.order, other.order, "555555555"]));
    expect(answer).toEqual([
      { order: target.order, ok: true },
      { order: other.order, error: "Order not eligible for cancel", kind: "definite" },
      { order: "555555555", error: "Incorrect order ID", kind: "definite" },
    ]);
    sim.advance(3);
    const status = unwrap(await client.status(target.order));
    expect(status).toMatchObject({ status: "Canceled", statusClass: "canceled" });
    expect(status.charge!.isZero()).toBe(true);
    const refunded = cancellable.rate.times(cancellable.min).dividedBy(1000);
    const balanceAfter = unwrap(await client.balance()).balance;
    expect(balanceAfter.minus(balanceBefore).gte(refunded)).toBe(true);
  });
});

describe("products", () => {
  it("an Auto product delivers lines; draining its stock ends Partial; result_product returns the lines", async () => {
    sim.setBalance("100000");
    const products = unwrap(await client.products());
    const product = products.find((candidate) => candidate.type === "Auto" && candidate.max >= 2 && (candidate.inventory ?? 0) > 0)!;
    let stock = product.inventory!;
    const first = unwrap(await client.addProductOrder({ product: product.product, quantity: 1 }));
    stock -= 1;
    expect(unwrap(await client.productOrderStatus(first.order))).toMatchObject({ statusClass: "pending", result: null });
    while (stock >= product.max) {
      const quantity = stock === product.max ? product.max - 1 : product.max;
      unwrap(await client.addProductOrder({ product: product.product, quantity }));
      stock -= quantity;
    }
    const short = unwrap(await client.addProductOrder({ product: product.product, quantity: product.max }));
    sim.advance(10);

    const done = unwrap(await client.productOrderStatus(first.order));
    expect(done).toMatchObject({ status: "Completed", statusClass: "completed", remains: null });
    expect(done.charge!.equals(product.rate)).toBe(true);
    const delivered = unwrap(await client.resultProduct(first.order));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatch(/^\S+@mail\.test \| \S+ \| \d{6}$/);
    expect(done.result).toBe(delivered[0]);

    const partial = unwrap(await client.productOrderStatus(short.order));
    expect(partial).toMatchObject({ status: "Partial", statusClass: "partial", remains: product.max - stock });
    expect(partial.charge!.equals(product.rate.times(stock))).toBe(true);
    expect(unwrap(await client.resultProduct(short.order))).toHaveLength(stock);
    expect(unwrap(await client.products()).find((candidate) => candidate.product === product.product)).toMatchObject({ inventory: 0, status: "Out of stock" });
  });

  it("out of stock ends Canceled with a note; require is enforced; statuses batch keeps errors", async () => {
    const products = unwrap(await client.products());
    const soldOut = products.find((candidate) => candidate.status === "Out of stock")!;
    const service = products.find((candidate) => candidate.type === "Service" && candidate.status === "In stock")!;
    expect(await client.addProductOrder({ product: service.product, quantity: 1 })).toEqual({ ok: false, kind: "definite", message: "Incorrect request", httpStatus: 200 });
    expect(sim.lastRequest("add_product_order")).not.toHaveProperty("require");
    const withRequire = unwrap(await client.addProductOrder({ product: service.product, quantity: 1, require: "me@mail.test" }));
    expect(sim.lastRequest("add_product_order")).toMatchObject({ require: "me@mail.test", quantity: "1" });
    const empty = unwrap(await client.addProductOrder({ product: soldOut.product, quantity: 1, require: "me@mail.test" }));
    sim.advance(100);
    const batch = unwrap(await client.productOrderStatuses([withRequire.order, empty.order, "31337"]));
    expect(batch.get(empty.order)).toMatchObject({ status: "Canceled", statusClass: "canceled", note: "Out of stock", result: null });
    expect((batch.get(empty.order) as { charge: Decimal }).charge.isZero()).toBe(true);
    expect(batch.get(withRequire.order)).toMatchObject({ statusClass: expect.stringMatching(/completed|partial|canceled/) });
    expect(batch.get("31337")).toEqual({ error: "Incorrect order ID", kind: "definite" });
    expect(await client.resultProduct("31337")).toMatchObject({ ok: false, kind: "definite", message: "Incorrect order ID" });
  });

  it("product_order_status for more than 100 ids is chunked", async () => {
    const before = sim.counts.product_order_status;
    const result = unwrap(await client.productOrderStatuses(Array.from({ length: 201 }, (_, index) => 700_000 + index)));
    expect(sim.counts.product_order_status - before).toBe(3);
    expect(result.size).toBe(201);
  });
});
