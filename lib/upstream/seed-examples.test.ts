// The customer's document, served over real HTTP: every valid example parses to exactly the
// values it shows; the two invalid bodies become clean indeterminate failures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "@/lib/money";
import { createUpstreamClient, type UpstreamClient } from "./client";
import { SEED_EXAMPLES } from "./fixtures/seed-examples";
import { startScriptedUpstream, type ScriptedUpstream } from "./testing/scripted-upstream";

/** The document's product list with its missing commas put back, to check the values it shows. */
const REPAIRED_PRODUCTS = SEED_EXAMPLES.productsInvalidJson.body.replace(/"\n"/g, '",\n"');

let server: ScriptedUpstream;
let client: UpstreamClient;
/** Which example each action answers with; tests switch it before calling. */
const serving: Record<string, string> = {};

beforeAll(async () => {
  server = await startScriptedUpstream((request) => ({ body: serving[request.get("action") ?? ""] ?? '{"error":"Incorrect request"}' }));
  client = createUpstreamClient({ url: server.url, key: "seed-key", timeoutMs: 2_000, readRetries: 0 });
});
afterAll(() => server.close());

function serve(action: string, body: string) {
  serving[action] = body;
}

describe("seed document examples", () => {
  it("services", async () => {
    serve("services", SEED_EXAMPLES.services.body);
    const result = await client.services();
    if (!result.ok) throw new Error(result.message);
    const [views, comments] = result.value;
    expect(views).toMatchObject({ service: "1", name: "Youtube views", type: "Default", category: "Youtube", min: 200, max: 10000 });
    expect(views.rate.equals(new Decimal("2.5"))).toBe(true);
    expect([views.refill, views.cancel, views.dripfeed]).toEqual([true, false, false]);
    expect(comments).toMatchObject({ service: "2", type: "Custom Comments", min: 10, max: 1500, refill: false });
    expect(comments.rate.toString()).toBe("4");
    expect(views.description).toBeUndefined();
  });

  it("add and add_product_order", async () => {
    serve("add", SEED_EXAMPLES.addOrder.body);
    serve("add_product_order", SEED_EXAMPLES.addProductOrder.body);
    expect(await client.add({ type: "Default", service: 1, link: "https://youtu.be/x", quantity: 200 })).toEqual({ ok: true, value: { order: "99999" } });
    expect(await client.addProductOrder({ product: 1, quantity: 1 })).toEqual({ ok: true, value: { order: "99999" } });
  });

  it("status of one order: exact charge, negative remains", async () => {
    serve("status", SEED_EXAMPLES.orderStatus.body);
    const result = await client.status(99999);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.charge?.toString()).toBe("2.5");
    expect(result.value).toMatchObject({ startCount: 168, status: "Completed", statusClass: "completed", remains: -2, currency: null });
  });

  it("status of several orders keeps per-id errors as data", async () => {
    serve("status", SEED_EXAMPLES.orderStatuses.body);
    const result = await client.statuses(["123", "456", "789"]);
    if (!result.ok) throw new Error(result.message);
    const partial = result.value.get("123");
    if (!partial || "error" in partial) throw new Error("123 should be a status");
    expect(partial.charge!.toString()).toBe("0.27819");
    expect(partial.charge!.equals(new Decimal("0.27819"))).toBe(true);
    expect(partial).toMatchObject({ startCount: 3572, status: "Partial", statusClass: "partial", remains: 157 });
    expect(result.value.get("456")).toEqual({ error: "Incorrect order ID", kind: "definite" });
    expect(result.value.get("789")).toMatchObject({ status: "In progress", statusClass: "in_progress", remains: 10, startCount: 234 });
    expect((result.value.get("789") as { charge: Decimal }).charge.toString()).toBe("1.44219");
  });

  it("balance", async () => {
    serve("balance", SEED_EXAMPLES.balance.body);
    const result = await client.balance();
    if (!result.ok) throw new Error(result.message);
    expect(result.value.balance.toString()).toBe("68.6868");
    expect(result.value.currency).toBe("USD");
  });

  it("refill, and the batch form's bare answer when one order was asked for", async () => {
    serve("refill", SEED_EXAMPLES.refill.body);
    expect(await client.refill(123)).toEqual({ ok: true, value: { refill: "1" } });
    serve("refill", SEED_EXAMPLES.refillBatchAsDocumented.body);
    expect(await client.refills(["123"])).toEqual({ ok: true, value: [{ order: "123", refill: "1" }] });
    // With two orders the same bare answer cannot say which one was refilled.
    const ambiguous = await client.refills(["123", "456"]);
    expect(ambiguous).toMatchObject({ ok: false, kind: "indeterminate" });
  });

  it("refill_status single and batch", async () => {
    serve("refill_status", SEED_EXAMPLES.refillStatus.body);
    expect(await client.refillStatus(1)).toEqual({ ok: true, value: { status: "Completed", statusClass: "completed" } });
    serve("refill_status", SEED_EXAMPLES.refillStatuses.body);
    expect(await client.refillStatuses([1, 2, 3])).toEqual({
      ok: true,
      value: [
        { refill: "1", status: "Completed", statusClass: "completed" },
        { refill: "2", status: "Rejected", statusClass: "rejected" },
        { refill: "3", error: "Incorrect refill ID", kind: "definite" },
      ],
    });
  });

  it("product_order_status: numeric money stays exact", async () => {
    serve("product_order_status", SEED_EXAMPLES.productOrderStatusCompleted.body);
    const completed = await client.productOrderStatus(1);
    if (!completed.ok) throw new Error(completed.message);
    expect(completed.value.charge!.toString()).toBe("7.5");
    expect(completed.value).toMatchObject({ status: "Completed", statusClass: "completed", result: "c85c1d1a-9ef3-4d01-8c58-3dfaf3bbc78e", remains: null, note: null });

    serve("product_order_status", SEED_EXAMPLES.productOrderStatusPartial.body);
    const partial = await client.productOrderStatus(2);
    if (!partial.ok) throw new Error(partial.message);
    expect(partial.value.charge!.toString()).toBe("6");
    expect(partial.value).toMatchObject({ statusClass: "partial", remains: 3, result: "c85c1d1a-9ef3-4d01-8c58-3dfaf3bbc457" });
  });

  it("result_product", async () => {
    serve("result_product", SEED_EXAMPLES.resultProduct.body);
    expect(await client.resultProduct(1)).toEqual({ ok: true, value: ["abc@gmail | 2 | 3", "abc1@gmail | 2 | 3", "abc2@gmail | 2 | 3"] });
  });

  it("the invalid product list is an indeterminate failure, not a crash", async () => {
    serve("products", SEED_EXAMPLES.productsInvalidJson.body);
    const result = await client.products();
    expect(result).toMatchObject({ ok: false, kind: "indeterminate", httpStatus: 200 });
    expect(!result.ok && result.message).toContain("not valid JSON");
  });

  it("the `{{` product order statuses are an indeterminate failure, not a crash", async () => {
    serve("product_order_status", SEED_EXAMPLES.productOrderStatusesInvalidJson.body);
    const result = await client.productOrderStatuses([123, 456, 789, 321]);
    expect(result).toMatchObject({ ok: false, kind: "indeterminate", httpStatus: 200 });
  });

  it("the product list, once its commas are repaired, has the values the document shows", async () => {
    serve("products", REPAIRED_PRODUCTS);
    const result = await client.products();
    if (!result.ok) throw new Error(result.message);
    const [netflix, youtube, facebook] = result.value;
    expect(netflix).toMatchObject({ product: "1", require: "Input your account", min: 1, max: 10, status: "In stock", inventory: 40, type: "Auto" });
    expect(netflix.rate.toString()).toBe("2.5");
    expect(youtube).toMatchObject({ status: "Out of stock", inventory: 0 });
    expect(facebook).toMatchObject({ require: null, inventory: null, type: "Service" });
    expect(facebook.rate.toString()).toBe("0.5");
  });
});
