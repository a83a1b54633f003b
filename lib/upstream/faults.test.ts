// Every way an upstream fails is classified: definite (clearly refused, nothing created) or
// indeterminate (may have happened). Creates are never retried; reads are.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUpstreamClient, type UpstreamClient } from "./client";
import { startSimulator, type Fault, type SimulatorHandle } from "./simulator";
import type { ServiceListing, UpstreamResult } from "./types";

let sim: SimulatorHandle;
let client: UpstreamClient;
let service: ServiceListing;

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, services: 40, balance: "1000" });
  client = createUpstreamClient({ url: sim.url, key: sim.apiKey, timeoutMs: 300, readRetries: 2, retryDelayMs: 5 });
  const services = await client.services();
  if (!services.ok) throw new Error(services.message);
  service = services.value.find((candidate) => candidate.type === "Default" && candidate.refill)!;
});
afterEach(() => {
  sim.clearFaults();
  sim.setBalance("1000");
});
afterAll(() => sim.close());

const order = (quantity = service.min) => ({ type: "Default" as const, service: service.service, link: "https://x.com/p/1", quantity });

function expectFailure(result: UpstreamResult<unknown>, kind: "definite" | "indeterminate", message?: string | RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.kind).toBe(kind);
  if (typeof message === "string") expect(result.message).toBe(message);
  else if (message) expect(result.message).toMatch(message);
}

describe("definite failures carry the upstream's text", () => {
  it("Invalid API key", async () => {
    const wrongKey = createUpstreamClient({ url: sim.url, key: "not-the-key", readRetries: 0 });
    expectFailure(await wrongKey.balance(), "definite", "Invalid API key");
  });

  it("Incorrect request (a type's fields do not fit the service)", async () => {
    expectFailure(await client.add({ type: "Package", service: service.service, link: "https://x.com" }), "definite", "Incorrect request");
  });

  it("Incorrect service ID", async () => {
    expectFailure(await client.add({ ...order(), service: "987654321" }), "definite", "Incorrect service ID");
  });

  it("Quantity less than minimal / more than maximum", async () => {
    expectFailure(await client.add(order(service.min - 1)), "definite", `Quantity less than minimal ${service.min}`);
    expectFailure(await client.add(order(service.max + 1)), "definite", `Quantity more than maximum ${service.max}`);
  });

  it("Not enough funds on balance", async () => {
    sim.setBalance("0.00001");
    expectFailure(await client.add(order()), "definite", "Not enough funds on balance");
  });

  it("Incorrect order ID and Refill not found", async () => {
    expectFailure(await client.status("123"), "definite", "Incorrect order ID");
    expectFailure(await client.refill("123"), "definite", "Incorrect order ID");
    expectFailure(await client.productOrderStatus("123"), "definite", "Incorrect order ID");
    expectFailure(await client.refillStatus("123"), "definite", "Refill not found");
  });

  it("any {error} answer, e.g. raw panel keys, is definite and not retried", async () => {
    sim.setFault("add", { type: "error", message: "neworder.error.link_duplicate" });
    const adds = sim.counts.add;
    expectFailure(await client.add(order()), "definite", "neworder.error.link_duplicate");
    sim.setFault("status", { type: "error", message: "You have active order with this link. Please wait until order being completed." });
    const reads = sim.counts.status;
    expectFailure(await client.status("1"), "definite", /active order/);
    expect([sim.counts.add - adds, sim.counts.status - reads]).toEqual([1, 1]);
  });

  it("inputs a panel would misread are refused before sending", async () => {
    const adds = sim.counts.add;
    expectFailure(await client.add(order(1.5)), "definite", /quantity/);
    expectFailure(await client.addProductOrder({ product: 1, quantity: Number.NaN }), "definite", /quantity/);
    expect(sim.counts.add).toBe(adds);
  });
});

describe("indeterminate failures", () => {
  const readFaults: Array<[string, Fault, RegExp]> = [
    ["latency past the timeout", { type: "latency", ms: 600 }, /no complete answer within 300 ms/],
    ["hang", { type: "hang" }, /no complete answer/],
    ["HTTP 500 with an HTML page", { type: "http500" }, /^balance: HTTP 500 with a body that is not valid JSON$/],
    ["HTTP 502 with an HTML page", { type: "http502" }, /^balance: HTTP 502 with a body that is not valid JSON$/],
    ["429 rate limit", { type: "rate-limit", retryAfter: 0 }, /HTTP 429: Too many requests/],
    ["truncated JSON", { type: "truncated-json" }, /not valid JSON/],
    ["malformed JSON", { type: "malformed-json" }, /not valid JSON/],
    ["a dropped connection", { type: "create-then-drop" }, /connection failed/],
  ];

  for (const [name, fault, message] of readFaults) {
    it(`${name}: indeterminate after ${1 + 2} attempts of a read`, async () => {
      sim.setFault("balance", fault);
      const before = sim.counts.balance;
      const result = await client.balance();
      expectFailure(result, "indeterminate", message);
      expect(sim.counts.balance - before).toBe(3);
      if (fault.type === "http500" || fault.type === "http502" || fault.type === "rate-limit") {
        expect(!result.ok && result.httpStatus).toBe(fault.type === "http500" ? 500 : fault.type === "http502" ? 502 : 429);
      }
    });
  }

  for (const [name, fault] of readFaults) {
    it(`${name}: an add is sent once and never retried`, async () => {
      sim.setFault("add", fault);
      const before = sim.counts.add;
      expectFailure(await client.add(order()), "indeterminate");
      expect(sim.counts.add - before).toBe(1);
    });
  }

  it("create-then-drop: the order exists and was charged, the client saw indeterminate, exactly one add", async () => {
    sim.setFault("add", { type: "create-then-drop" });
    const ordersBefore = sim.orders().length;
    const addsBefore = sim.counts.add;
    const result = await client.add(order());
    expectFailure(result, "indeterminate", /^add: connection failed/);
    expect(sim.counts.add - addsBefore).toBe(1);
    const created = sim.orders().slice(ordersBefore);
    expect(created).toHaveLength(1);
    expect(sim.balance()).toBe(service.rate.times(service.min).dividedBy(1000).negated().plus(1000).toString());
  });

  it("refill, cancel and add_product_order are not retried either", async () => {
    for (const action of ["refill", "cancel", "add_product_order"] as const) sim.setFault(action, { type: "http500" });
    const before = { ...sim.counts };
    expectFailure(await client.refill("1"), "indeterminate");
    expectFailure(await client.cancel(["1"]), "indeterminate");
    expectFailure(await client.refills(["1", "2"]), "indeterminate");
    expectFailure(await client.addProductOrder({ product: 1, quantity: 1 }), "indeterminate");
    expect([sim.counts.refill - before.refill, sim.counts.cancel - before.cancel, sim.counts.add_product_order - before.add_product_order]).toEqual([2, 1, 1]);
  });

  it("a read with a one-time fault is retried and succeeds", async () => {
    sim.setFault("status", { type: "http502", times: 1 });
    const created = await client.add(order());
    if (!created.ok) throw new Error(created.message);
    const before = sim.counts.status;
    const result = await client.status(created.value.order);
    expect(result.ok).toBe(true);
    expect(sim.counts.status - before).toBe(2);
  });

  it("429 Retry-After is honoured, up to the cap", async () => {
    // The client's waits are recorded, not timed: the test proves what it waited for, whatever the machine's speed.
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    sim.setFault("balance", { type: "rate-limit", retryAfter: 1, times: 1 });
    const patient = createUpstreamClient({ url: sim.url, key: sim.apiKey, retryDelayMs: 5, sleep });
    const before = sim.counts.balance;
    expect((await patient.balance()).ok).toBe(true);
    expect(waits).toEqual([1_000]);
    expect(sim.counts.balance - before).toBe(2);

    sim.setFault("balance", { type: "rate-limit", retryAfter: 30, times: 1 });
    const capped = createUpstreamClient({ url: sim.url, key: sim.apiKey, retryDelayMs: 5, maxRetryDelayMs: 200, sleep });
    expect((await capped.balance()).ok).toBe(true);
    expect(waits).toEqual([1_000, 200]);

    // Without a Retry-After the backoff doubles from retryDelayMs.
    sim.setFault("balance", { type: "http502", times: 2 });
    const backoff = createUpstreamClient({ url: sim.url, key: sim.apiKey, retryDelayMs: 40, sleep });
    expect((await backoff.balance()).ok).toBe(true);
    expect(waits).toEqual([1_000, 200, 40, 80]);
  });

  it("a chunk that still fails marks only its own ids; when every chunk fails, the call fails", async () => {
    const created = await client.add(order());
    if (!created.ok) throw new Error(created.message);
    const noRetry = createUpstreamClient({ url: sim.url, key: sim.apiKey, readRetries: 0 });
    // Chunk one is the new order and 99 unknown ids, chunk two is the last unknown id.
    const ids = [created.value.order, ...Array.from({ length: 100 }, (_, index) => String(600_000 + index))];
    sim.setFault("status", { type: "http500", times: 1 });
    const mixed = await noRetry.statuses(ids);
    if (!mixed.ok) throw new Error(mixed.message);
    expect(mixed.value.get(created.value.order)).toMatchObject({ kind: "indeterminate", error: expect.stringMatching(/HTTP 500/) });
    expect(mixed.value.get("600099")).toEqual({ error: "Incorrect order ID", kind: "definite" });

    sim.setFault("status", { type: "http500", times: 2 });
    expectFailure(await noRetry.statuses(ids), "indeterminate", /HTTP 500/);
  });

  it("a refused connection and an unreachable port", async () => {
    const closed = await startSimulator({ services: 14 });
    const url = closed.url;
    await closed.close();
    const nobody = createUpstreamClient({ url, key: "k", readRetries: 1, retryDelayMs: 5 });
    expectFailure(await nobody.balance(), "indeterminate", /connection failed.*ECONNREFUSED/);
  });

  it("a fault with probability follows the seeded PRNG", async () => {
    sim.setFault("services", { type: "http500", probability: 0.5 });
    const quick = createUpstreamClient({ url: sim.url, key: sim.apiKey, readRetries: 0 });
    const outcomes = [];
    for (let index = 0; index < 20; index++) outcomes.push((await quick.services()).ok);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});
