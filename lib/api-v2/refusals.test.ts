// Everything /api/v2 must refuse, over real HTTP: bad keys, bad fields, hostile values, huge
// bodies, other methods, internal failures and floods. Each answer is the protocol's
// `{"error": ...}` with a clear text, never an HTTP 500, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v2/route";
import { revokeApiKey, createApiKey } from "@/lib/api-keys";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { createUpstreamClient, type ServiceListing } from "@/lib/upstream";
import { startSimulator, type SimulatorHandle } from "@/lib/upstream/simulator";
import { createApiHandler } from "./handle-request";
import { createRateLimiter } from "./rate-limit";
import { MAX_BODY_BYTES } from "./read-body";
import { connectUpstream, createApiCustomer, writeCounts, type TestCustomer } from "@/lib/testing/fixtures";
import { serveHandler, type ServedHandler } from "./testing/serve-handler";

let db: Db;
let sim: SimulatorHandle;
let served: ServedHandler;
let rich: TestCustomer;
let poor: TestCustomer;
let services: ServiceListing[];
let richOrder: string;

process.env.API_RATE_LIMIT_PER_MINUTE = "100000";

type Answer = { status: number; body: unknown; headers: Headers };

async function post(body: BodyInit, headers: Record<string, string> = {}, url = served.url): Promise<Answer> {
  const response = await fetch(url, { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), headers: response.headers };
}

const form = (fields: Record<string, string>) => post(new URLSearchParams(fields));

beforeAll(async () => {
  db = await getDb();
  sim = await startSimulator({ seed: 5, services: 30, products: 8 });
  await connectUpstream(db, { url: sim.url, key: sim.apiKey }, "10");
  rich = await createApiCustomer(db, "refusals-rich", "1000");
  poor = await createApiCustomer(db, "refusals-poor");
  served = await serveHandler({ POST, GET });
  const client = createUpstreamClient({ url: served.url, key: rich.key });
  const listed = await client.services();
  if (!listed.ok) throw new Error(listed.message);
  const providerId = (await db.provider.findFirstOrThrow({ where: { apiUrl: sim.url } })).id;
  const ours = new Set((await db.service.findMany({ where: { providerId }, select: { id: true } })).map((row) => String(row.id)));
  // Other test files register their own simulators in the same database; use ours only.
  services = listed.value.filter((listing) => ours.has(listing.service));
  const cheap = services.find((s) => s.type === "Default")!;
  const placed = await client.add({ service: cheap.service, type: "Default", link: "https://instagram.com/p/mine", quantity: cheap.min });
  if (!placed.ok) throw new Error(placed.message);
  richOrder = placed.value.order;
});

afterAll(async () => {
  await served?.close();
  await sim?.close();
  await closeDb();
});

describe("keys", () => {
  it("a missing, unknown, revoked or suspended account's key answers Invalid API key", async () => {
    const invalid = { status: 200, body: { error: "Invalid API key" } };
    expect(await form({ action: "balance" })).toMatchObject(invalid);
    expect(await form({ key: "", action: "balance" })).toMatchObject(invalid);
    expect(await form({ key: `${rich.key}x`, action: "balance" })).toMatchObject(invalid);
    expect(await form({ key: "' OR 1=1 --", action: "balance" })).toMatchObject(invalid);

    const customer = await createApiCustomer(db, "refusals-revoked");
    expect((await form({ key: customer.key, action: "balance" })).body).toEqual({ balance: "0.000000", currency: "USD" });
    const second = await createApiKey(db, customer.id, "second");
    if (!second.ok) throw new Error(second.message);
    const keys = await db.apiKey.findMany({ where: { userId: customer.id }, orderBy: { id: "asc" } });
    await revokeApiKey(db, customer.id, keys[0].id);
    expect(await form({ key: customer.key, action: "balance" })).toMatchObject(invalid);
    // The customer's other key still works.
    expect((await form({ key: second.key, action: "balance" })).body).toMatchObject({ currency: "USD" });

    await db.user.update({ where: { id: customer.id }, data: { status: "suspended" } });
    expect(await form({ key: second.key, action: "balance" })).toMatchObject(invalid);
  });

  it("our own client reads Invalid API key as a definite refusal", async () => {
    const client = createUpstreamClient({ url: served.url, key: "rp_not-a-key" });
    expect(await client.balance()).toEqual({ ok: false, kind: "definite", httpStatus: 200, message: "Invalid API key" });
  });
});

describe("bad fields", () => {
  it("answers each with the protocol's error text and writes nothing", async () => {
    const byType = (type: string) => services.find((s) => s.type === type)!;
    const dflt = byType("Default");
    const drip = services.find((s) => s.type === "Default" && s.dripfeed);
    const comments = byType("Custom Comments");
    const products = await db.product.findMany({ where: { enabled: true, provider: { apiUrl: sim.url } } });
    const product = products.find((p) => !p.requireText && p.max < 1000)!;
    const requiring = products.find((p) => p.requireText)!;
    const k = rich.key;
    const cases: Array<[Record<string, string>, string | RegExp]> = [
      [{ key: k }, "Incorrect request: action is required"],
      [{ key: k, action: "" }, "Incorrect request: action is required"],
      [{ key: k, action: "drop_table" }, 'Incorrect request: unknown action "drop_table"'],
      [{ key: k, action: "ADD" }, /^Incorrect request: unknown action/],
      [{ key: k, action: "add" }, "Incorrect request: service is required"],
      [{ key: k, action: "add", service: "abc", link: "https://x.com/a", quantity: "100" }, "Incorrect service ID"],
      [{ key: k, action: "add", service: "0", link: "https://x.com/a", quantity: "100" }, "Incorrect service ID"],
      [{ key: k, action: "add", service: "-3", link: "https://x.com/a", quantity: "100" }, "Incorrect service ID"],
      [{ key: k, action: "add", service: "99999999999", link: "https://x.com/a", quantity: "100" }, "Incorrect service ID"],
      [{ key: k, action: "add", service: "2147483647", link: "https://x.com/a", quantity: "100" }, "Incorrect service ID"],
      [{ key: k, action: "add", service: "1 OR 1=1", link: "https://x.com/a", quantity: "100" }, "Incorrect service ID"],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a" }, "Incorrect request: quantity: Enter the quantity."],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: "1e30" }, "Incorrect request: quantity must be a whole number"],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: "99999999999999999999" }, "Incorrect request: quantity is too large"],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: "2147483648" }, `Quantity more than maximum ${dflt.max}`],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: "-5" }, "Incorrect request: quantity must be a whole number"],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: "1.5" }, "Incorrect request: quantity must be a whole number"],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: "0x10" }, "Incorrect request: quantity must be a whole number"],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: String(dflt.min - 1) }, `Quantity less than minimal ${dflt.min}`],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: String(dflt.max + 1) }, `Quantity more than maximum ${dflt.max}`],
      [{ key: k, action: "add", service: dflt.service, quantity: String(dflt.min) }, "Incorrect request: link: Enter the link."],
      [{ key: k, action: "add", service: dflt.service, link: "'; DROP TABLE \"Order\"; --", quantity: String(dflt.min) }, /^Incorrect request: link: /],
      [{ key: k, action: "add", service: dflt.service, link: "javascript:alert(1)", quantity: String(dflt.min) }, /^Incorrect request: link: /],
      [{ key: k, action: "add", service: dflt.service, link: "https://exa mple.com/p", quantity: String(dflt.min) }, /^Incorrect request: link: /],
      [{ key: k, action: "add", service: byType("Comment Likes").service, link: "https://x.com/a", quantity: String(byType("Comment Likes").min), username: "алиса💥" }, /^Incorrect request: username: /],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: String(dflt.min), runs: "abc", interval: "10" }, "Incorrect request: runs must be a whole number"],
      [{ key: k, action: "add", service: comments.service, link: "https://x.com/a" }, /^Incorrect request: comments: /],
      [{ key: k, action: "add", service: dflt.service, link: "https://x.com/a", quantity: String(dflt.min), idempotency_key: "x".repeat(201) }, /^Incorrect request: idempotency_key: /],
      [{ key: k, action: "status" }, "Incorrect request: order is required"],
      [{ key: k, action: "status", order: "abc" }, "Incorrect order ID"],
      [{ key: k, action: "status", order: "99999999999999999999" }, "Incorrect order ID"],
      [{ key: k, action: "status", order: "0" }, "Incorrect order ID"],
      [{ key: k, action: "status", orders: " , ," }, "Incorrect request: orders is empty"],
      [{ key: k, action: "status", orders: Array.from({ length: 101 }, (_, i) => i + 1).join(",") }, "Incorrect request: at most 100 ids per request"],
      [{ key: k, action: "status", orders: Array.from({ length: 10_000 }, (_, i) => i + 1).join(",") }, "Incorrect request: at most 100 ids per request"],
      [{ key: k, action: "refill" }, "Incorrect request: order is required"],
      [{ key: k, action: "refill", order: "abc" }, "Incorrect order ID"],
      [{ key: k, action: "refill", orders: Array.from({ length: 10_000 }, (_, i) => i + 1).join(",") }, "Incorrect request: at most 100 ids per request"],
      [{ key: k, action: "refill_status" }, "Incorrect request: refill is required"],
      [{ key: k, action: "refill_status", refill: "x" }, "Refill not found"],
      [{ key: k, action: "refill_status", refill: "999999999" }, "Refill not found"],
      [{ key: k, action: "cancel" }, "Incorrect request: orders is required"],
      [{ key: k, action: "add_product_order" }, "Incorrect request: product is required"],
      [{ key: k, action: "add_product_order", product: "abc", quantity: "1" }, "Incorrect product ID"],
      [{ key: k, action: "add_product_order", product: "999999999", quantity: "1" }, "Incorrect product ID"],
      [{ key: k, action: "add_product_order", product: String(product.id) }, "Incorrect request: quantity is required"],
      [{ key: k, action: "add_product_order", product: String(product.id), quantity: "1e3" }, "Incorrect request: quantity must be a whole number"],
      [{ key: k, action: "add_product_order", product: String(product.id), quantity: String(product.max + 1) }, `Quantity more than maximum ${product.max}`],
      [{ key: k, action: "add_product_order", product: String(requiring.id), quantity: "1" }, /^Incorrect request: require: /],
      [{ key: k, action: "product_order_status", order: richOrder }, "Incorrect order ID"],
      [{ key: k, action: "result_product" }, "Incorrect request: order is required"],
      [{ key: k, action: "result_product", order: richOrder }, "Only product orders have results."],
      [{ key: poor.key, action: "add", service: dflt.service, link: "https://x.com/a", quantity: String(dflt.min) }, "Not enough funds on balance"],
      [{ key: poor.key, action: "add_product_order", product: String(product.id), quantity: "1" }, "Not enough funds on balance"],
      [{ key: poor.key, action: "status", order: richOrder }, "Incorrect order ID"],
      [{ key: poor.key, action: "refill", order: richOrder }, "Incorrect order ID"],
      [{ key: poor.key, action: "refill", orders: richOrder }, "__list__"],
      [{ key: poor.key, action: "cancel", orders: richOrder }, "__list__"],
    ];
    if (drip) {
      cases.push([
        { key: k, action: "add", service: drip.service, link: "https://x.com/a", quantity: String(drip.min), runs: String(Math.floor(drip.max / drip.min) + 1), interval: "10" },
        `Quantity more than maximum ${drip.max}`,
      ]);
    }
    const before = await writeCounts(db, [rich.id, poor.id]);
    for (const [fields, expected] of cases) {
      const answer = await form(fields);
      expect(answer.status, JSON.stringify(fields).slice(0, 200)).toBe(200);
      if (expected === "__list__") {
        expect(answer.body).toEqual([{ order: Number(richOrder), [fields.action]: { error: "Incorrect order ID" } }]);
        continue;
      }
      expect(Object.keys(answer.body as object), JSON.stringify(fields).slice(0, 200)).toEqual(["error"]);
      const error = (answer.body as { error: string }).error;
      if (typeof expected === "string") expect(error, JSON.stringify(fields).slice(0, 200)).toBe(expected);
      else expect(error, JSON.stringify(fields).slice(0, 200)).toMatch(expected);
    }
    expect(await writeCounts(db, [rich.id, poor.id])).toEqual(before);
  });

  it("accepts a JSON body (ids as a list) and multipart, and refuses JSON it cannot read", async () => {
    const json = (value: unknown) => post(JSON.stringify(value), { "content-type": "application/json" });
    expect((await json({ key: rich.key, action: "balance" })).body).toMatchObject({ currency: "USD" });
    const many = (await json({ key: rich.key, action: "status", orders: [Number(richOrder), 999999999] })).body as Record<string, unknown>;
    expect(Object.keys(many).sort()).toEqual([richOrder, "999999999"].sort());
    // A JSON body without a content type is still read as JSON.
    expect((await post(JSON.stringify({ key: rich.key, action: "balance" }))).body).toMatchObject({ currency: "USD" });

    expect((await json({ key: rich.key, action: "status", order: { $gt: 0 } })).body).toEqual({ error: "Incorrect request: order must be text, a number or a list" });
    expect((await json({ key: rich.key, action: "add", service: 1, quantity: 1e30, link: "https://x.com/a" })).body).toMatchObject({ error: expect.stringMatching(/^Incorrect request|Incorrect service ID/) });
    expect((await post("{not json", { "content-type": "application/json" })).body).toEqual({ error: "Incorrect request: the body is not valid JSON" });
    expect((await json([rich.key, "balance"])).body).toEqual({ error: "Incorrect request: the JSON body must be an object" });

    const multipart = new FormData();
    multipart.set("key", rich.key);
    multipart.set("action", "balance");
    expect((await post(multipart)).body).toMatchObject({ currency: "USD" });
    const withFile = new FormData();
    withFile.set("key", rich.key);
    withFile.set("action", "balance");
    withFile.set("upload", new Blob(["x"]), "x.txt");
    expect((await post(withFile)).body).toEqual({ error: "Incorrect request: upload: files are not accepted" });
  });

  it("refuses NUL, broken Unicode and bodies over the limit (declared or streamed)", async () => {
    const before = await writeCounts(db, [rich.id]);
    expect((await form({ key: rich.key, action: "add", service: "1", link: "https://x.com/\u0000", quantity: "10" })).body).toEqual({
      error: "Incorrect request: link contains characters that are not allowed",
    });
    expect((await post(JSON.stringify({ key: rich.key, action: "balance", x: "\ud800" }), { "content-type": "application/json" })).body).toEqual({
      error: "Incorrect request: x contains characters that are not allowed",
    });
    const invalidUtf8 = Buffer.concat([Buffer.from(`key=${encodeURIComponent(rich.key)}&action=balance&x=`), Buffer.from([0xff, 0xfe])]);
    expect((await post(invalidUtf8, { "content-type": "application/x-www-form-urlencoded" })).body).toEqual({ error: "Incorrect request: the body is not UTF-8 text" });

    const tooLarge = `key=${encodeURIComponent(rich.key)}&action=add&comments=${"a".repeat(MAX_BODY_BYTES)}`;
    expect(await post(tooLarge, { "content-type": "application/x-www-form-urlencoded" })).toMatchObject({
      status: 200,
      body: { error: `Request body too large (limit ${MAX_BODY_BYTES} bytes)` },
    });
    const chunk = new TextEncoder().encode("a".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    expect((await post(stream, { "content-type": "application/x-www-form-urlencoded" })).body).toEqual({ error: `Request body too large (limit ${MAX_BODY_BYTES} bytes)` });
    expect(await writeCounts(db, [rich.id])).toEqual(before);
  });

  it("answers other methods 405 with a JSON error", async () => {
    const response = await fetch(`${served.url}?key=${rich.key}&action=balance`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: "Incorrect request: use POST" });
  });
});

describe("failures of ours and floods", () => {
  it("an internal error is logged and answered 503, which our client reads as indeterminate (never a refusal)", async () => {
    const logged: unknown[] = [];
    const broken = await serveHandler(
      createApiHandler({
        db: () => Promise.reject(new Error("database unreachable")),
        log: (_message, error) => void logged.push(error),
        rateLimiter: createRateLimiter({ perMinute: 1000 }),
      }),
    );
    try {
      const raw = await post(new URLSearchParams({ key: rich.key, action: "add", service: "1", link: "https://x.com/a", quantity: "10" }), {}, broken.url);
      expect(raw.status).toBe(503);
      expect(raw.body).toEqual({ error: "Internal error, try again later" });
      expect(raw.headers.get("retry-after")).toBe("5");
      expect(logged.length).toBe(1);
      const client = createUpstreamClient({ url: broken.url, key: rich.key, readRetries: 0 });
      const add = await client.add({ service: "1", type: "Default", link: "https://x.com/a", quantity: 10 });
      expect(add).toMatchObject({ ok: false, kind: "indeterminate" });
      expect(await client.balance()).toMatchObject({ ok: false, kind: "indeterminate" });
      // The key never reaches the log through the error.
      expect(JSON.stringify(logged.map(String))).not.toContain(rich.key);
    } finally {
      await broken.close();
    }
  });

  it("rate-limits per key with 429, Retry-After and X-RateLimit headers; other keys are unaffected", async () => {
    // Counted in the shared store: a name of its own so that other tests' requests do not count.
    const limited = await serveHandler(createApiHandler({ rateLimiter: createRateLimiter({ perMinute: 3, name: `refusals-${Date.now()}` }) }));
    try {
      const call = (key: string) => post(new URLSearchParams({ key, action: "balance" }), {}, limited.url);
      for (let index = 0; index < 3; index++) {
        const ok = await call(rich.key);
        expect(ok.status).toBe(200);
        expect(ok.headers.get("x-ratelimit-remaining")).toBe(String(2 - index));
      }
      const refused = await call(rich.key);
      expect(refused).toMatchObject({ status: 429, body: { error: "Too many requests" } });
      // A fixed one-minute window: the wait is what is left of it.
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(refused.headers.get("x-ratelimit-limit")).toBe("3");
      expect((await call(poor.key)).status).toBe(200);
      const client = createUpstreamClient({ url: limited.url, key: rich.key, readRetries: 0 });
      expect(await client.balance()).toMatchObject({ ok: false, kind: "indeterminate", httpStatus: 429 });
    } finally {
      await limited.close();
    }
  });
});

describe("headers (this path is outside proxy.ts, so the handler sets them)", () => {
  it("every answer carries the API's CSP and no-store; HSTS only behind https; a short answer is never compressed", async () => {
    const refused = await form({ key: "nope", action: "balance" });
    const get = await fetch(served.url);
    for (const headers of [refused.headers, get.headers]) {
      expect(headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get("cache-control")).toBe("no-store, no-transform");
      expect(headers.get("strict-transport-security")).toBeNull();
    }
    const behindHttps = await post(new URLSearchParams({ key: rich.key, action: "balance" }), { "x-forwarded-proto": "https" });
    expect(behindHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const getHttps = await fetch(served.url, { headers: { "x-forwarded-proto": "https" } });
    expect(getHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    // The catalog is long: compressible (Next gzips it for clients that ask).
    const listed = await post(new URLSearchParams({ key: rich.key, action: "services" }));
    expect(listed.headers.get("cache-control")).toBe("no-store");
  });
});
