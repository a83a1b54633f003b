// npm run bench -- --storefront: the catalog and order pages at real size — 10,000 services
// (a simulator's catalog synced over HTTP) and 100,000 completed orders behind the average times,
// on the real PostgreSQL. Two layers are measured:
//   1. the data functions the pages call (listCatalogPage, searchServices, getServiceDetails),
//      against the old way (the whole catalog read and sent, listCatalog) as the baseline;
//   2. if a production build exists (BENCH_APP_DIR, default ".", must hold .next/BUILD_ID), the
//      real pages: `next start` on this database, a signed-in customer, and for every customer
//      page its server time (request to last byte on 127.0.0.1), HTML size and first-load JS;
//      /sign-in (no session; its one database read is the panel name) is timed in the same run as the floor of the server.
// Each figure is printed with its goal (server time ≤ 300 ms and HTML ≤ 300 KB for the catalog and
// order pages, and the order lists (drip-feed, subscriptions, search by link, refills); first-load JS ≤ 200 KB gzipped for every page) and the ratio figure / goal.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { listCatalog } from "@/lib/catalog";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { ensureSimulatorProvider } from "@/lib/demo/demo-setup";
import { creditFunds } from "@/lib/ledger";
import { listCatalogPage } from "@/lib/storefront/catalog-page";
import { getServiceDetails, searchServices } from "@/lib/storefront/service-search";
import { listDripFeedOrders, listRefills, listSubscriptions, searchOrdersByLink } from "@/lib/storefront/order-lists";
import { startSimulator } from "@/lib/upstream/simulator";
import { createUser } from "@/lib/users/create-user";
import { createTestDatabase } from "../scripts/test/test-database";

const SERVICES = 10_000;
const ORDERS = 100_000;
const GOAL_MS = 300;
const GOAL_KB = 300;
const GOAL_JS_KB = 200;
const ROUNDS = 15;

/**
 * The page's own <script src> chunks, read from the build and gzipped: what a first visit downloads.
 * `noModule` scripts (Next's polyfills for browsers without ES modules) are not counted: every
 * browser that runs modules skips them.
 */
export function firstLoadJsKb(appDir: string, html: string): number {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnoModule\b/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => tag.match(/\ssrc="(\/_next\/static\/[^"?]+)/)?.[1] ?? []));
  let bytes = 0;
  for (const source of sources) {
    const file = path.join(appDir, ".next", source.replace(/^\/_next\//, ""));
    if (existsSync(file)) bytes += gzipSync(readFileSync(file)).byteLength;
  }
  return bytes / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
function figure(label: string, value: number, unit: "ms" | "KB", goal: number | null, note = "") {
  const against = goal === null ? "(no goal)".padEnd(24) : `goal ≤ ${goal} ${unit}  ratio ${(value / goal).toFixed(3)}`;
  console.log(`${label.padEnd(52)} ${value.toFixed(1).padStart(8)} ${unit}  ${against}${note ? `  ${note}` : ""}`);
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value!: T;
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    value = await run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value };
}

/**
 * 100,000 completed orders spread over the catalog, written in one statement (no upstream): one in
 * 200 a drip-feed, one in 500 a subscription (the pages listing those read partial indexes), and
 * a refill for one order in 20 (/refills).
 */
async function seedCompletedOrders(db: Db, customerId: number, providerId: number) {
  await db.$executeRaw`
    WITH catalog AS (SELECT array_agg(id ORDER BY id) AS ids FROM "Service" WHERE "providerId" = ${providerId})
    INSERT INTO "Order" ("userId", kind, "serviceId", "providerId", link, quantity, params, charge, state, "requestHash",
                         "submittedAt", "finishedAt", "createdAt", "updatedAt")
    SELECT ${customerId}, 'service', catalog.ids[1 + g % array_length(catalog.ids, 1)], ${providerId}, 'https://example.com/p/' || g,
           1000,
           CASE WHEN g % 200 = 0 THEN '{"type": "Default", "quantity": 100, "dripFeed": {"runs": 10, "interval": 30}}'::jsonb
                WHEN g % 500 = 1 THEN '{"type": "Subscriptions", "username": "bench", "min": 100, "max": 200, "posts": 5, "delay": 30, "expiry": "31/12/2099"}'::jsonb
                ELSE '{}'::jsonb END,
           1, 'completed', 'bench-' || g,
           now() - interval '2 days', now() - interval '2 days' + (g % 7200) * interval '1 second', now() - interval '2 days', now()
    FROM generate_series(1, ${ORDERS}) AS g, catalog`;
  await db.$executeRaw`
    INSERT INTO "Refill" ("orderId", "userId", state, "createdAt", "updatedAt")
    SELECT id, "userId", 'completed', now() - interval '1 day', now() FROM "Order" WHERE "userId" = ${customerId} AND id % 20 = 0`;
  await db.$executeRaw`ANALYZE "Refill"`;
  // Statistics as autovacuum leaves them a minute after a sync: measured right after 10,000 new rows,
  // the planner would still believe the tables empty and choose plans no running panel gets.
  await db.$executeRaw`ANALYZE "Service"`;
  await db.$executeRaw`ANALYZE "Order"`;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const answer = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const cookies = [...jar, ...answer.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error("bench sign-in failed");
  return cookies.join("; ");
}

/** Median time to the last byte over ROUNDS requests after one warm-up, and the page's HTML. */
async function pageTime(url: string, cookie: string): Promise<{ ms: number; html: string }> {
  const get = async () => {
    const response = await fetch(url, { headers: { cookie } });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  };
  await get();
  const { ms, value } = await timed(get);
  return { ms, html: value };
}

async function pageFigures(databaseUrl: string, email: string, password: string, serviceId: number, orderId: number) {
  const appDir = path.resolve(process.env.BENCH_APP_DIR ?? ".");
  if (!existsSync(path.join(appDir, ".next", "BUILD_ID"))) {
    console.log(`pages: skipped (no production build in ${appDir}; run next build or set BENCH_APP_DIR)`);
    return;
  }
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: base, NODE_ENV: "production", IN_PROCESS_WORKER: "0" },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${base}/sign-in`).then((r) => r.ok, () => false)) break;
      if (i > 120) throw new Error("next start did not come up");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const cookie = await signIn(base, email, password);
    const floor = await pageTime(base + "/sign-in", "");
    figure("floor: /sign-in (no session, one small read)", floor.ms, "ms", null);
    // Goals from the issue: server time and HTML for the catalog and order pages, first-load JS everywhere.
    const pages: [string, boolean][] = [
      ["/services", true],
      ["/services?q=Instagram&sort=price_asc", true],
      ["/services?page=150", true],
      ["/new-order", true],
      [`/new-order?service=${serviceId}`, true],
      ["/dashboard", false],
      ["/mass-order", false],
      ["/orders", false],
      [`/orders/${orderId}`, false],
      ["/orders/drip-feed", true],
      ["/orders/subscriptions", true],
      ["/orders/search?link=example.com/p/4242", true],
      ["/orders/search?link=no-such-link", true],
      ["/refills", true],
      ["/products", false],
      ["/updates", false],
      ["/funds", false],
      ["/account", false],
      ["/api-keys", false],
    ];
    for (const [url, sized] of pages) {
      const { ms, html } = await pageTime(base + url, cookie);
      figure(`page ${url}: server time`, ms, "ms", sized ? GOAL_MS : null, `(${(ms / floor.ms).toFixed(1)}× the floor)`);
      figure(`page ${url}: HTML`, Buffer.byteLength(html) / 1024, "KB", sized ? GOAL_KB : null);
      figure(`page ${url}: first-load JS (gzip)`, firstLoadJsKb(appDir, html), "KB", GOAL_JS_KB);
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

export async function runStorefrontBench() {
  process.env.PROVIDER_KEY_SECRET ??= "bench-provider-key-secret-0123456789abcdef";
  process.env.NEXTAUTH_SECRET ??= "bench-nextauth-secret-0123456789abcdef0123";
  // The upstream is a local plain-http simulator (lib/upstream/egress.ts); a silent refusal synced 0 services.
  process.env.UPSTREAM_ALLOW_PRIVATE ??= "1";
  process.env.UPSTREAM_ALLOW_HTTP_HOSTS ??= "127.0.0.1,localhost";
  const database = await createTestDatabase("panel_bench_storefront");
  const simulator = await startSimulator({ port: 0, seed: 11, services: SERVICES, products: 0, apiKey: "bench", balance: "1000", clock: "manual" });
  try {
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    let started = performance.now();
    await ensureSimulatorProvider(db, "Bench big catalog", { url: simulator.url, key: "bench" }, "25");
    const provider = await db.provider.findUniqueOrThrow({ where: { name: "Bench big catalog" } });
    const synced = await db.service.count();
    console.log(`storefront bench: ${synced} services synced in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (synced < SERVICES) throw new Error(`the catalog sync brought ${synced} of ${SERVICES} services`);
    const password = "bench-password-1";
    const made = await createUser(db, { email: "storefront-bench@bench.local", password });
    if (!made.ok) throw new Error("cannot create the bench customer");
    await creditFunds(db, { customerId: made.user.id, amount: "100", reason: "bench" });
    started = performance.now();
    await seedCompletedOrders(db, made.user.id, provider.id);
    console.log(`storefront bench: ${await db.order.count()} completed orders seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const customerId = made.user.id;
    const someService = (await db.service.findFirstOrThrow({ where: { type: "Default" }, orderBy: { id: "desc" } })).id;

    const baseline = await timed(() => listCatalog(db));
    const baselineKb = Buffer.byteLength(JSON.stringify(baseline.value)) / 1024;
    console.log(`baseline (before): listCatalog, the whole catalog    ${baseline.ms.toFixed(1).padStart(8)} ms, ${baselineKb.toFixed(0)} KB of data sent to the browser`);
    for (const [label, query] of [
      ["listCatalogPage page 1", {}],
      ["listCatalogPage q=Instagram sort=price_asc", { q: "Instagram", sort: "price_asc" }],
      ["listCatalogPage category=TikTok sort=price_desc", { category: "TikTok", sort: "price_desc" }],
      ["listCatalogPage page 150", { page: "150" }],
    ] as const) {
      const result = await timed(() => listCatalogPage(db, customerId, query));
      const kb = Buffer.byteLength(JSON.stringify(result.value)) / 1024;
      figure(`data ${label}`, result.ms, "ms", GOAL_MS, `(${result.value.services.length} rows, ${kb.toFixed(1)} KB; ${(baseline.ms / result.ms).toFixed(1)}× faster than baseline)`);
    }
    for (const [label, run] of [
      ["searchServices 'Instagram Likes'", () => searchServices(db, customerId, { query: "Instagram Likes" })],
      [`searchServices id ${someService}`, () => searchServices(db, customerId, { query: String(someService) })],
      [`getServiceDetails ${someService} (average time)`, () => getServiceDetails(db, customerId, someService)],
    ] as const) {
      const result = await timed(run as () => Promise<unknown>);
      figure(`data ${label}`, result.ms, "ms", GOAL_MS, `(${(baseline.ms / result.ms).toFixed(1)}× faster than baseline)`);
    }
    const deepRefill = (await db.refill.findFirstOrThrow({ where: { userId: customerId }, orderBy: { id: "asc" }, skip: 100 })).id;
    for (const [label, run] of [
      ["listDripFeedOrders page 1", () => listDripFeedOrders(db, customerId, null)],
      ["listSubscriptions page 1", () => listSubscriptions(db, customerId, null)],
      ["searchOrdersByLink 'example.com/p/4242'", () => searchOrdersByLink(db, customerId, "example.com/p/4242", null)],
      ["searchOrdersByLink, no match (every order read)", () => searchOrdersByLink(db, customerId, "no-such-link", null)],
      ["listRefills page 1", () => listRefills(db, customerId, null)],
      ["listRefills near the oldest (keyset)", () => listRefills(db, customerId, deepRefill)],
    ] as const) {
      const result = await timed(run as () => Promise<unknown>);
      figure(`data ${label}`, result.ms, "ms", GOAL_MS);
    }
    const someOrder = (await db.order.findFirstOrThrow({ where: { userId: customerId }, orderBy: { id: "desc" } })).id;
    await pageFigures(database.url, "storefront-bench@bench.local", password, someService, someOrder);
  } finally {
    await closeDb();
    await simulator.close();
    // BENCH_KEEP_DB=1 keeps the database for EXPLAIN and profiling (its URL is printed).
    if (process.env.BENCH_KEEP_DB === "1") console.log(`kept the bench database: ${database.url}`);
    else await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runStorefrontBench();
