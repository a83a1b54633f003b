// Issue 12, finding 2 for /api/v2: limits per key and per customer hold across app processes.
// Two independent handlers, each with its own limiter and its own PostgreSQL pool (two
// "processes"), share one count; Redis (REDIS_URL) gives the same.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { Db } from "@/lib/db/connection";
import { openLimiterStore, sweepExpiredLimits, type LimiterStore } from "@/lib/rate-limit/store";
import { createApiHandler } from "./handle-request";
import { createRateLimiter, DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitFromEnv, UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE } from "./rate-limit";
import { serveHandler } from "./testing/serve-handler";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createApiCustomer as createCustomer, withTwoLimiterStores } from "@/lib/testing/fixtures";

let db: Db;
let stores: LimiterStore[] = [];
withTwoLimiterStores((ready) => ({ db, stores } = ready));

describe("/api/v2 limits shared across processes", () => {
  it("the tests really use two PostgreSQL-backed stores", () => {
    expect(stores.map((s) => s.kind)).toEqual(["postgres", "postgres"]);
    expect(stores[0]).not.toBe(stores[1]);
  });

  it("per key: requests through two processes share one count; 429 with Retry-After", async () => {
    const name = `api-shared-${Date.now()}`;
    const customer = await createCustomer(db, "shared-limit");
    const [a, b] = await Promise.all(
      stores.map((store) => serveHandler(createApiHandler({ rateLimiter: createRateLimiter({ perMinute: 4, store, name }) }))),
    );
    try {
      const call = (url: string) =>
        fetch(url, { method: "POST", body: new URLSearchParams({ key: customer.key, action: "balance" }) });
      const statuses = [];
      for (const url of [a.url, b.url, a.url, b.url]) statuses.push((await call(url)).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      const refused = await call(a.url);
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({ error: "Too many requests" });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await call(b.url)).status).toBe(429);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("per customer: several keys of one customer share the customer's limit", async () => {
    const name = `api-customer-${Date.now()}`;
    const customer = await createCustomer(db, "customer-limit");
    const created = await createApiKey(db, customer.id, "second key");
    if (!created.ok) throw new Error(created.message);
    const second = { key: created.key };
    const limiter = createRateLimiter({ perMinute: 3, store: stores[0], name });
    const server = await serveHandler(createApiHandler({ rateLimiter: limiter }));
    try {
      const call = (key: string) => fetch(server.url, { method: "POST", body: new URLSearchParams({ key, action: "balance" }) });
      expect([(await call(customer.key)).status, (await call(second.key)).status, (await call(customer.key)).status]).toEqual([200, 200, 200]);
      // Each key has used at most 2 of its 3, but the customer has used 3.
      expect((await call(second.key)).status).toBe(429);
    } finally {
      await server.close();
    }
  });

  it("an unknown key counts against the client's address; a known key's count is its customer's", async () => {
    const name = `api-unknown-${Date.now()}`;
    const limiter = createRateLimiter({ perMinute: 2, store: stores[0], name });
    const unknownKeyLimiter = createRateLimiter({ perMinute: 2, store: stores[0], name: `${name}:unknown` });
    const server = await serveHandler(createApiHandler({ rateLimiter: limiter, unknownKeyLimiter }));
    try {
      const call = (key: string, address = "198.51.100.20") =>
        fetch(server.url, { method: "POST", headers: { "x-forwarded-for": address }, body: new URLSearchParams({ key, action: "balance" }) });
      const first = await call(`wrong-${Date.now()}`);
      expect([first.status, await first.json()]).toEqual([200, { error: "Invalid API key" }]);
      expect((await call(`wrong-${Date.now()}-b`)).status).toBe(200);
      expect((await call(`wrong-${Date.now()}-c`)).status).toBe(429);
      // Another address is not touched.
      expect((await call(`wrong-${Date.now()}-d`, "198.51.100.21")).status).toBe(200);
      // Nor is a customer, even from the refused address.
      const customer = await createCustomer(db, "unknown-key-neighbour");
      const answer = await call(customer.key);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("x-ratelimit-remaining")).toBe("1");
    } finally {
      await server.close();
    }
  });

  // Issue 19, item 11: 60 different wrong keys from one address were never limited, and each
  // added a row to rate_limits.
  it("60 different wrong keys from one address are limited at the default, in one store row", async () => {
    const name = `api-flood-${Date.now()}`;
    // The handler's own limits, in a bucket of this test's (other test files share the table).
    const server = await serveHandler(
      createApiHandler({
        rateLimiter: createRateLimiter({ perMinute: DEFAULT_RATE_LIMIT_PER_MINUTE, store: stores[0], name }),
        unknownKeyLimiter: createRateLimiter({ perMinute: UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE, store: stores[0], name: `${name}:unknown` }),
      }),
    );
    const address = "198.51.100.30";
    const pool = (stores[0] as Extract<LimiterStore, { kind: "postgres" }>).pool;
    const rows = async () => Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM rate_limits WHERE key LIKE $1", [`${name}%`])).rows[0]!.n);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const answer = await fetch(server.url, {
          method: "POST",
          headers: { "x-forwarded-for": address },
          body: new URLSearchParams({ key: `wrong-${Date.now()}-${i}`, action: "balance" }),
        });
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(UNKNOWN_KEYS_PER_ADDRESS_PER_MINUTE).every((s) => s === 429)).toBe(true);
      expect(await rows()).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("counts whose window has ended are swept from rate_limits", async () => {
    const pool = (stores[0] as Extract<LimiterStore, { kind: "postgres" }>).pool;
    const short = createRateLimiter({ perMinute: 5, store: stores[0], name: `sweep-short-${Date.now()}` });
    await short.take("address:203.0.113.1");
    await short.take("address:203.0.113.2");
    const keys = async (prefix: string) => Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM rate_limits WHERE key LIKE $1", [`${prefix}%`])).rows[0]!.n);
    expect(await keys("sweep-short-")).toBe(2);
    // Nothing has expired yet at this moment…
    await sweepExpiredLimits(pool);
    expect(await keys("sweep-short-")).toBe(2);
    // …and every one-minute count has, two minutes from now.
    expect(await sweepExpiredLimits(pool, Date.now() + 120_000)).toBeGreaterThanOrEqual(2);
    expect(await keys("sweep-short-")).toBe(0);
  });

  it("Redis (REDIS_URL) shares the count too", async () => {
    // The machine's Redis (ENVIRONMENT.md): started here if it is down; unreachable after that fails the test.
    const reachable = async () => {
      const probe = new Redis("redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 0 });
      const up = await probe.connect().then(() => true, () => false);
      probe.disconnect();
      return up;
    };
    if (!(await reachable())) spawnSync("redis-server", ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "", "--appendonly", "no"]);
    expect(await reachable()).toBe(true);
    const redisStores = [await openLimiterStore({ REDIS_URL: "redis://127.0.0.1:6379" }), await openLimiterStore({ REDIS_URL: "redis://127.0.0.1:6379" })];
    try {
      expect(redisStores.map((s) => s.kind)).toEqual(["redis", "redis"]);
      const name = `api-redis-${Date.now()}-${Math.random()}`;
      const [x, y] = redisStores.map((store) => createRateLimiter({ perMinute: 2, store, name }));
      expect([(await x!.take("key:k")).allowed, (await y!.take("key:k")).allowed, (await x!.take("key:k")).allowed]).toEqual([true, true, false]);
    } finally {
      await Promise.all(redisStores.map((s) => s.close()));
    }
  });

  it("API_RATE_LIMIT_PER_MINUTE", () => {
    expect(rateLimitFromEnv({ API_RATE_LIMIT_PER_MINUTE: "30" })).toBe(30);
    expect(rateLimitFromEnv({ API_RATE_LIMIT_PER_MINUTE: "" })).toBe(DEFAULT_RATE_LIMIT_PER_MINUTE);
    for (const bad of ["0", "-1", "x"]) expect(() => rateLimitFromEnv({ API_RATE_LIMIT_PER_MINUTE: bad }), bad).toThrow("API_RATE_LIMIT_PER_MINUTE: must be");
  });
});
