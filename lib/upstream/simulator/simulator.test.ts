// The simulator itself: deterministic from its seed, strict like a real panel, faults and
// scripted outcomes that do what they say, and a clock that finishes orders in time for a demo.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_REALTIME_SPEED, parseFaultSpec, scriptOutcomes, setSimulatorStock, startSimulator, type SimulatorHandle } from "./index";

const started: SimulatorHandle[] = [];
async function simulator(options: Parameters<typeof startSimulator>[0] = {}) {
  const sim = await startSimulator(options);
  started.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
});

async function post(sim: SimulatorHandle, fields: Record<string, string>) {
  const response = await fetch(sim.url, { method: "POST", body: new URLSearchParams({ key: sim.apiKey, ...fields }) });
  return { status: response.status, text: await response.text() };
}

async function postJson(sim: SimulatorHandle, fields: Record<string, string>) {
  return JSON.parse((await post(sim, fields)).text);
}

describe("determinism", () => {
  it("the same seed gives the same catalog, ids and fates; another seed does not", async () => {
    const runs = [];
    for (const seed of [5, 5, 6]) {
      const sim = await simulator({ seed, services: 60 });
      const services = await postJson(sim, { action: "services" });
      const service = services.find((candidate: { type: string }) => candidate.type === "Default");
      const ids = [];
      for (let index = 0; index < 10; index++) ids.push((await postJson(sim, { action: "add", service: String(service.service), link: "l", quantity: service.min })).order);
      sim.advance(10_000);
      runs.push(JSON.stringify({ services, fates: await postJson(sim, { action: "status", orders: ids.join(",") }) }));
    }
    expect(runs[0]).toBe(runs[1]);
    expect(runs[0]).not.toBe(runs[2]);
  });
});

describe("protocol strictness", () => {
  it("refuses a wrong key, an unknown or missing action, and more than 100 ids", async () => {
    const sim = await simulator({ services: 20 });
    expect(JSON.parse((await post(sim, { key: "wrong", action: "balance" })).text)).toEqual({ error: "Invalid API key" });
    expect(await postJson(sim, { action: "teleport" })).toEqual({ error: "Incorrect request" });
    expect(await postJson(sim, {})).toEqual({ error: "Incorrect request" });
    const ids = Array.from({ length: 101 }, (_, index) => String(index + 1)).join(",");
    for (const [action, field] of [["status", "orders"], ["refill", "orders"], ["refill_status", "refills"], ["cancel", "orders"], ["product_order_status", "orders"]]) {
      expect(await postJson(sim, { action, [field]: ids }), action).toEqual({ error: "Incorrect request" });
    }
    expect((await fetch(sim.url.replace("/api/v2", "/api/v1"), { method: "POST" })).status).toBe(404);
  });

  it("validates type-specific fields with the protocol's texts", async () => {
    const sim = await simulator({ services: 20, seed: 2 });
    const byType = new Map(sim.catalog().services.map((service) => [service.type, service]));
    const poll = byType.get("Poll")!;
    const replies = byType.get("Comment Replies")!;
    const subscription = byType.get("Subscriptions")!;
    const add = (fields: Record<string, string | number>) => postJson(sim, { action: "add", ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])) });
    expect(await add({ service: poll.id, link: "l", quantity: poll.min })).toEqual({ error: "Incorrect request" });
    expect(await add({ service: poll.id, link: "l", quantity: poll.min, answer_number: 1 })).toHaveProperty("order");
    expect(await add({ service: replies.id, link: "l", comments: "a\nb" })).toEqual({ error: "Incorrect request" });
    expect(await add({ service: subscription.id, username: "u", min: subscription.min, max: subscription.min, delay: 7 })).toEqual({ error: "Incorrect request" });
    expect(await add({ service: subscription.id, username: "u", min: subscription.min, max: subscription.min, delay: 30, expiry: "2030-12-31" })).toEqual({ error: "Incorrect request" });
    expect(await add({ service: subscription.id, username: "u", min: subscription.min - 1, max: subscription.min, delay: 30 })).toEqual({
      error: `Quantity less than minimal ${subscription.min}`,
    });
    const plain = sim.catalog().services.find((service) => service.type === "Default" && !service.dripfeed)!;
    expect(await add({ service: plain.id, link: "l", quantity: plain.min, runs: 2, interval: 5 })).toEqual({ error: "Drip-feed is disabled for this service" });
  });

  it("prints money as exact strings for services and statuses, as bare numbers for products", async () => {
    const sim = await simulator({ services: 20 });
    const services = (await post(sim, { action: "services" })).text;
    expect(services).toMatch(/"service":\d+,/);
    expect(services).toMatch(/"rate":"\d+(\.\d{1,5})?"/);
    expect(services).toMatch(/"min":"\d+"/);
    const products = (await post(sim, { action: "products" })).text;
    expect(products).toMatch(/"rate":\d+(\.\d+)?,/);
    expect(products).toMatch(/"type":"Auto"/);
    expect(products).toMatch(/"type":"Service"/);
    expect(await postJson(sim, { action: "balance" })).toEqual({ balance: "1000.00000", currency: "USD" });
  });
});

describe("faults", () => {
  it("malformed and truncated bodies are what they claim; create-then-drop still creates", async () => {
    const sim = await simulator({ services: 20 });
    sim.setFault("products", { type: "malformed-json", times: 1 });
    const malformed = (await post(sim, { action: "products" })).text;
    expect(malformed.startsWith("[{{")).toBe(true);
    sim.setFault("balance", { type: "truncated-json", times: 1 });
    const truncated = (await post(sim, { action: "balance" })).text;
    expect(() => JSON.parse(truncated)).toThrow();
    expect('{"balance":"1000.00000","currency":"USD"}'.startsWith(truncated)).toBe(true);
    // `times` ran out: the next answer is healthy.
    expect(await postJson(sim, { action: "balance" })).toEqual({ balance: "1000.00000", currency: "USD" });

    sim.setFault("add_product_order", { type: "create-then-drop" });
    await expect(post(sim, { action: "add_product_order", product: "1", quantity: "1" })).rejects.toThrow();
    expect(sim.productOrders()).toHaveLength(1);
    expect(sim.counts.add_product_order).toBe(1);
  });

  it("parses CLI fault specs", () => {
    expect(parseFaultSpec("add=http500")).toEqual({ action: "add", fault: { type: "http500" } });
    expect(parseFaultSpec("status=latency:3000#2")).toEqual({ action: "status", fault: { type: "latency", ms: 3000, times: 2 } });
    expect(parseFaultSpec("*=rate-limit:2@0.25")).toEqual({ action: "*", fault: { type: "rate-limit", retryAfter: 2, probability: 0.25 } });
    expect(parseFaultSpec("add=error:Not enough funds on balance")).toEqual({ action: "add", fault: { type: "error", message: "Not enough funds on balance" } });
    expect(parseFaultSpec("add=teleport")).toHaveProperty("error");
    expect(parseFaultSpec("latency:30")).toHaveProperty("error");
    expect(parseFaultSpec("add=latency:soon")).toHaveProperty("error");
  });
});

describe("scripted outcomes (over HTTP, as the browser tests set them)", () => {
  const address = (sim: SimulatorHandle) => ({ url: sim.url, key: sim.apiKey });

  it("the next orders of a link end as scripted, in order; other links and an empty queue keep the seeded fates", async () => {
    const sim = await simulator({ services: 40, seed: 3, balance: "100000" });
    const service = sim.catalog().services.find((candidate) => candidate.type === "Default" && !candidate.dripfeed && candidate.min >= 10)!;
    const link = "https://example.com/p/scripted";
    const queued = await scriptOutcomes(address(sim), { link }, [
      { type: "partial", remains: 7 },
      { type: "cancel" },
      { type: "complete", minutes: 500 },
    ]);
    expect(queued).toBe(3);
    const add = (on: string) => postJson(sim, { action: "add", service: String(service.id), link: on, quantity: String(service.min) });
    const [partial, canceled, long] = [(await add(link)).order, (await add(link)).order, (await add(link)).order];
    expect(sim.scriptedPending({ link })).toBe(0);
    sim.advance(200);
    const status = async (id: number) => postJson(sim, { action: "status", order: String(id) });
    expect(await status(partial)).toMatchObject({ status: "Partial", remains: "7" });
    expect(await status(canceled)).toMatchObject({ status: "Canceled", remains: String(service.min), charge: "0.00000" });
    expect(await status(long)).toMatchObject({ status: "In progress" });
    sim.advance(400);
    expect(await status(long)).toMatchObject({ status: "Completed", remains: "0" });

    // Unscripted: the same fates as a simulator with the same seed that was never scripted.
    const twin = await simulator({ services: 40, seed: 3, balance: "100000" });
    const fates = async (on: SimulatorHandle) => {
      const ids = [];
      for (let index = 0; index < 8; index++) ids.push((await postJson(on, { action: "add", service: String(service.id), link: "other", quantity: String(service.min) })).order);
      on.advance(10_000);
      return Object.values(await postJson(on, { action: "status", orders: ids.join(",") }));
    };
    for (let index = 0; index < 3; index++) await postJson(twin, { action: "add", service: String(service.id), link: "l", quantity: String(service.min) });
    expect(await fates(sim)).toEqual(await fates(twin));
  });

  it("fail-add refuses and charges nothing; lost-answer creates and charges but closes the connection", async () => {
    const sim = await simulator({ services: 20 });
    const service = sim.catalog().services.find((candidate) => candidate.type === "Default" && !candidate.dripfeed)!;
    const link = "https://example.com/p/lost";
    await scriptOutcomes(address(sim), { link }, [{ type: "fail-add", message: "Link is private" }, { type: "fail-add" }, { type: "lost-answer" }]);
    const add = () => post(sim, { action: "add", service: String(service.id), link, quantity: String(service.min) });
    expect(JSON.parse((await add()).text)).toEqual({ error: "Link is private" });
    expect(JSON.parse((await add()).text)).toEqual({ error: "Incorrect request" });
    expect(sim.orders()).toHaveLength(0);
    expect(sim.balance()).toBe("1000");
    await expect(add()).rejects.toThrow();
    expect(sim.orders()).toMatchObject([{ link }]);
    expect(sim.balance()).not.toBe("1000");
    sim.advance(1_000);
    expect(sim.orders()).toMatchObject([{ status: "Completed", remains: 0 }]);
  });

  it("product orders follow their product's script, and a counted stock can be set to sold out", async () => {
    const sim = await simulator({ services: 20, products: 8, balance: "100000" });
    const product = sim.catalog().products.find((candidate) => candidate.type === "Auto" && (candidate.inventory ?? 0) >= 5)!;
    await scriptOutcomes(address(sim), { product: product.id }, [{ type: "partial", remains: 2 }, { type: "complete" }]);
    const buy = () => postJson(sim, { action: "add_product_order", product: String(product.id), quantity: "3" });
    const [partial, complete] = [(await buy()).order, (await buy()).order];
    sim.advance(100);
    expect(await postJson(sim, { action: "product_order_status", order: String(partial) })).toMatchObject({ status: "Partial", remains: 2 });
    const completed = await postJson(sim, { action: "product_order_status", order: String(complete) });
    expect(completed.status).toBe("Completed");
    expect(completed.result.split("\n")).toHaveLength(3);

    await setSimulatorStock(address(sim), product.id, 0);
    const listed = (await postJson(sim, { action: "products" })).find((entry: { product: number }) => entry.product === product.id);
    expect(listed).toMatchObject({ status: "Out of stock", inventory: 0 });
  });

  it("refuses a wrong key, a bad outcome and a product without counted stock", async () => {
    const sim = await simulator({ services: 20, products: 8 });
    await expect(scriptOutcomes({ url: sim.url, key: "wrong" }, { link: "l" }, [{ type: "complete" }])).rejects.toThrow(/403/);
    await expect(scriptOutcomes(address(sim), { link: "l" }, [{ type: "explode" } as never])).rejects.toThrow(/400/);
    const service = sim.catalog().products.find((candidate) => candidate.inventory === null)!;
    await expect(setSimulatorStock(address(sim), service.id, 0)).rejects.toThrow(/no counted stock/);
    expect(sim.scriptedPending({ link: "l" })).toBe(0);
  });
});

describe("clock", () => {
  it("every non-drip-feed order is final within 135 simulated minutes, i.e. ≈2¼ real minutes at the default speed", async () => {
    const sim = await simulator({ services: 200, seed: 11, balance: "100000000" });
    for (const service of sim.catalog().services.filter((candidate) => candidate.type === "Default" && !candidate.dripfeed).slice(0, 40)) {
      await postJson(sim, { action: "add", service: String(service.id), link: "l", quantity: String(service.max) });
    }
    sim.advance(135);
    expect(sim.orders().every((order) => ["Completed", "Partial", "Canceled"].includes(order.status))).toBe(true);
    expect(135 / DEFAULT_REALTIME_SPEED).toBeLessThanOrEqual(3);
  });

  it("a realtime clock moves orders with wall time", async () => {
    const sim = await simulator({ services: 20, clock: { realtime: true, speed: 60_000 } });
    const service = sim.catalog().services.find((candidate) => candidate.type === "Default" && !candidate.dripfeed)!;
    const { order } = await postJson(sim, { action: "add", service: String(service.id), link: "l", quantity: String(service.min) });
    const start = sim.now();
    // Nobody advances this clock: only wall time can finish the order.
    await expect
      .poll(async () => (await postJson(sim, { action: "status", order: String(order) })).status, { timeout: 5_000, interval: 20 })
      .toMatch(/Completed|Partial|Canceled/);
    expect(sim.now()).toBeGreaterThan(start);
  });
});

describe("statePath", () => {
  it("keeps orders, refills, balance, clock and id sequence across a restart", async () => {
    const statePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sim-state-")), "state.json");
    const first = await startSimulator({ seed: 4, services: 30, statePath });
    const service = first.catalog().services.find((candidate) => candidate.type === "Default" && candidate.refill)!;
    const add = () => postJson(first, { action: "add", service: String(service.id), link: "l", quantity: String(service.min) });
    const orders: number[] = [];
    for (let index = 0; index < 6; index++) orders.push((await add()).order);
    first.advance(500);
    const done = await postJson(first, { action: "status", orders: orders.join(",") });
    const refillable = orders.find((id) => ["Completed", "Partial"].includes(done[String(id)].status))!;
    const { refill } = await postJson(first, { action: "refill", order: String(refillable) });
    const pending = (await add()).order;
    const before = { balance: first.balance(), now: first.now(), orders: first.orders(), refills: first.refills() };
    await first.close();

    const second = await simulator({ seed: 4, services: 30, statePath });
    expect({ balance: second.balance(), now: second.now(), orders: second.orders(), refills: second.refills() }).toEqual(before);
    expect(await postJson(second, { action: "refill_status", refill })).toEqual({ status: "Pending" });
    const next = await postJson(second, { action: "add", service: String(service.id), link: "l", quantity: String(service.min) });
    expect(next.order).toBeGreaterThan(pending);
    second.advance(500);
    expect((await postJson(second, { action: "status", order: String(pending) })).status).toMatch(/Completed|Partial|Canceled/);
    await second.close();

    const otherSeed = await simulator({ seed: 5, services: 30, statePath });
    expect(otherSeed.orders()).toEqual([]);
    fs.rmSync(path.dirname(statePath), { recursive: true, force: true });
  });
});

describe("other customers", () => {
  it("take ids between ours; status answers only our key's orders, unless the panel is told to ignore the key", async () => {
    const sim = await simulator({ seed: 9, services: 40, otherCustomers: { ordersBetween: 4 } });
    const services = await postJson(sim, { action: "services" });
    const service = services.find((candidate: { type: string }) => candidate.type === "Default");
    const ours: number[] = [];
    for (let index = 0; index < 12; index++) ours.push((await postJson(sim, { action: "add", service: String(service.service), link: `l${index}`, quantity: service.min })).order);
    const between = [];
    for (let id = ours[0]; id <= ours.at(-1)!; id++) if (!ours.includes(id)) between.push(id);
    expect(between.length).toBeGreaterThan(ours.length);
    const answered = (body: Record<string, { error?: string }>) => Object.entries(body).filter(([, item]) => !item.error).map(([id]) => Number(id));
    const window = [...ours, ...between].sort((a, b) => a - b).slice(0, 100);
    const probe = async () => answered(await postJson(sim, { action: "status", orders: window.join(",") })).sort((a, b) => a - b);
    expect(await probe()).toEqual(ours.filter((id) => window.includes(id)));
    expect((await postJson(sim, { action: "status", order: String(between[0]) })).error).toBe("Incorrect order ID");
    sim.setOtherCustomers({ ordersBetween: 4, ignoreKey: true });
    expect((await probe()).length).toBeGreaterThan(ours.length);
    expect((await postJson(sim, { action: "status", order: String(ours.at(-1)! + 1_000_000) })).error).toBe("Incorrect order ID");
  });
});
