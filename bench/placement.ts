// Issue 13's placement figure: `/api/v2 add` throughput against a bare Next route that does one
// INSERT, both served by the same production build (next build + next start on a port of its
// own) on the same PostgreSQL, measured in one run with the same load. The upstream is the
// simulator over HTTP with a fixed latency on `add`. Prints throughput, p50/p99 and the ratio
// beside the goals (≥ 50 % of the bare route; p99 ≤ upstream latency + 50 ms); asserts nothing.
//   BENCH_PLACEMENT_REQUESTS   requests per figure (default 2000, after 200 to warm up)
//   BENCH_PLACEMENT_CONCURRENCY requests in flight (default 32)
//   BENCH_UPSTREAM_LATENCY_MS  the simulator's answer time for `add` (default 50)
//   BENCH_SKIP_BUILD=1         reuse the last `next build` in .next
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { createApiKey } from "@/lib/api-keys";
import { closeDb, getDb } from "@/lib/db/connection";
import { ensureSimulatorProvider } from "@/lib/demo/demo-setup";
import { creditFunds, verifyLedger } from "@/lib/ledger";
import { startSimulator } from "@/lib/upstream/simulator";
import { createUser } from "@/lib/users/create-user";
import { mapWithConcurrency } from "@/lib/util/concurrency";
import { BASELINE_TABLE_SQL } from "@/lib/bench/baseline-row";
import { createTestDatabase } from "../scripts/test/test-database";

const setting = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const REQUESTS = setting("BENCH_PLACEMENT_REQUESTS", 2000);
const WARMUP = 200;
const CONCURRENCY = setting("BENCH_PLACEMENT_CONCURRENCY", 32);
const LATENCY_MS = setting("BENCH_UPSTREAM_LATENCY_MS", 50);
const CUSTOMERS = 20;

type Figure = { perSecond: number; p50: number; p99: number; failures: number };

function line(label: string, figure: string) {
  console.log(`${label.padEnd(52)} ${figure}`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForServer(url: string, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`next start exited with ${app.exitCode}`);
    try {
      await fetch(url, { method: "POST", body: "" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer on ${url}`);
}

/** `count` form posts, `CONCURRENCY` at a time; a request counts as done when its JSON answer is read. */
async function load(url: string, count: number, body: (i: number) => string, accept: (answer: unknown) => boolean, inFlight = CONCURRENCY): Promise<Figure> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await mapWithConcurrency(Array.from({ length: count }, (_, i) => i), inFlight, async (i) => {
    const t = performance.now();
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body(i) });
    const answer: unknown = await response.json().catch(() => null);
    latencies.push(performance.now() - t);
    if (!response.ok || !accept(answer)) failures++;
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

/**
 * Open loop: `count` requests started at `perSecond`, each when its time comes whether or not the
 * earlier ones are answered (how customers arrive), so that the latency is the one at that rate,
 * not the one of a queue the bench itself keeps full.
 */
async function paced(url: string, count: number, perSecond: number, body: (i: number) => string, accept: (answer: unknown) => boolean): Promise<Figure> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    requests.push(
      (async () => {
        const t = performance.now();
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body(i) });
        const answer: unknown = await response.json().catch(() => null);
        latencies.push(performance.now() - t);
        if (!response.ok || !accept(answer)) failures++;
      })(),
    );
  }
  await Promise.all(requests);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failures };
}

/**
 * `next start` as one process of its own (node running Next's CLI, which serves in-process), so
 * that stopping it stops the server: through `npx` the server outlived the bench.
 */
export function startApp(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  return spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { stdio: ["ignore", "ignore", "inherit"], env });
}

export async function stopApp(app: ChildProcess | null): Promise<void> {
  if (!app || app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  app.kill("SIGTERM");
  const timer = setTimeout(() => app.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** `count` customers with funds and an API key each; answers the keys. */
export async function seedApiCustomers(db: Awaited<ReturnType<typeof getDb>>, count: number, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const made = await createUser(db, { email: `${prefix}-${i}@bench.local`, password: "bench-password-1" });
    if (!made.ok) throw new Error("cannot create bench customer");
    await creditFunds(db, { customerId: made.user.id, amount: "100000000", reason: "bench" });
    const key = await createApiKey(db, made.user.id, "bench");
    if (!key.ok) throw new Error(key.message);
    keys.push(key.key);
  }
  return keys;
}

/** The environment `next build` and `next start` run with in the benches. */
export function benchAppEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PROVIDER_KEY_SECRET: process.env.PROVIDER_KEY_SECRET ?? "bench-placement-provider-key-secret-0123456789",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-placement-nextauth-secret-0123456789abcdef",
    // The upstream is a local simulator over plain http (lib/upstream/egress.ts refuses both otherwise in production).
    UPSTREAM_ALLOW_PRIVATE: "1",
    UPSTREAM_ALLOW_HTTP_HOSTS: "127.0.0.1",
  };
}

/** `next build` once for the benches that start the app (BENCH_SKIP_BUILD=1 reuses .next). */
export function buildAppForBench(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  console.log("bench: building the app (next build)…");
  const started = performance.now();
  const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: benchAppEnv() });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
  console.log(`bench: built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

export async function runPlacementBench(options: { build?: boolean } = {}): Promise<void> {
  const env = benchAppEnv();
  process.env.PROVIDER_KEY_SECRET = env.PROVIDER_KEY_SECRET!;
  process.env.UPSTREAM_ALLOW_PRIVATE ??= "1"; // this process imports the local simulator's catalog too
  if (options.build !== false) buildAppForBench();

  const database = await createTestDatabase("panel_bench_placement");
  const simulator = await startSimulator({ port: 0, seed: 5, services: 50, apiKey: "bench", balance: "1000000000", clock: "manual" });
  simulator.setFault("add", { type: "latency", ms: LATENCY_MS });
  let app: ChildProcess | null = null;
  try {
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    await db.$executeRawUnsafe(BASELINE_TABLE_SQL);
    await ensureSimulatorProvider(db, "Bench simulator", { url: simulator.url, key: "bench" }, "25");
    const service = await db.service.findFirstOrThrow({ where: { type: "Default", enabled: true }, orderBy: { min: "asc" } });
    const keys = await seedApiCustomers(db, CUSTOMERS, "placement");
    await closeDb();

    const port = await freePort();
    const started = startApp(port, {
      ...env, DATABASE_URL: database.url, IN_PROCESS_WORKER: "0", API_RATE_LIMIT_PER_MINUTE: "100000000", BENCH_BASELINE_ROUTE: "1",
    });
    app = started;
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/api/bench-baseline`, started);

    const addBody = (i: number) =>
      new URLSearchParams({ key: keys[i % CUSTOMERS]!, action: "add", service: String(service.id), link: `https://example.com/p/${i}`, quantity: String(service.min) }).toString();
    const placed = (answer: unknown) => typeof (answer as { order?: unknown })?.order === "number";
    const add = (count: number, offset: number, inFlight?: number) => load(`${base}/api/v2`, count, (i) => addBody(offset + i), placed, inFlight);
    const bare = (count: number, offset: number, inFlight?: number) => load(`${base}/api/bench-baseline`, count, (i) => addBody(offset + i), placed, inFlight);

    console.log(`placement bench: ${REQUESTS} requests each, concurrency ${CONCURRENCY}, upstream add latency ${LATENCY_MS} ms, ${CUSTOMERS} customers`);
    await bare(WARMUP, 0);
    await add(WARMUP, 0);
    // Interleaved halves, so that a change in the machine's load during the run hits both alike.
    const half = Math.floor(REQUESTS / 2);
    const bareFirst = await bare(half, WARMUP);
    const addFirst = await add(half, WARMUP);
    const bareSecond = await bare(REQUESTS - half, WARMUP + half);
    const addSecond = await add(REQUESTS - half, WARMUP + half);
    const merge = (a: Figure, b: Figure): Figure => ({
      perSecond: 2 / (1 / a.perSecond + 1 / b.perSecond),
      p50: Math.max(a.p50, b.p50),
      p99: Math.max(a.p99, b.p99),
      failures: a.failures + b.failures,
    });
    const baseline = merge(bareFirst, bareSecond);
    const api = merge(addFirst, addSecond);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    line("bare Next route, one INSERT (baseline)", `${baseline.perSecond.toFixed(1)} req/s, p50 ${ms(baseline.p50)}, p99 ${ms(baseline.p99)}`);
    line("/api/v2 add (key, debit, add upstream, outcome)", `${api.perSecond.toFixed(1)} orders/s, p50 ${ms(api.p50)}, p99 ${ms(api.p99)}, ${api.failures} not placed`);
    line("add throughput / baseline (goal ≥ 50 %)", `${((api.perSecond / baseline.perSecond) * 100).toFixed(1)} %`);
    line(`add p99 − upstream latency (goal ≤ 50 ms)`, `${ms(api.p99 - LATENCY_MS)} (at ${CONCURRENCY} in flight the bare route's own p99 is ${ms(baseline.p99)}: queueing on 2 cores)`);
    // Latency where requests do not queue behind each other: what one request costs above the upstream.
    const QUIET = 4;
    const quietCount = Math.max(100, Math.floor(REQUESTS / 4));
    const quietBare = await bare(quietCount, 2 * REQUESTS + WARMUP, QUIET);
    const quietAdd = await add(quietCount, 2 * REQUESTS + WARMUP, QUIET);
    line(`at ${QUIET} in flight: bare route p50 / p99`, `${ms(quietBare.p50)} / ${ms(quietBare.p99)}`);
    line(`at ${QUIET} in flight: /api/v2 add p50 / p99`, `${ms(quietAdd.p50)} / ${ms(quietAdd.p99)}, ${quietAdd.failures} not placed`);
    line(`at ${QUIET} in flight: add p99 − upstream latency (goal ≤ 50 ms)`, ms(quietAdd.p99 - LATENCY_MS));
    // Offered at a steady rate: the throughput the goal asks for (half the bare route's), and half
    // of that, so that the latency is seen both near this machine's capacity and well below it.
    for (const share of [0.5, 0.25]) {
      const rate = baseline.perSecond * share;
      const count = Math.max(200, Math.round(rate * 10));
      const offered = await paced(`${base}/api/v2`, count, rate, (i) => addBody(3 * REQUESTS + WARMUP + i), placed);
      const label = `at ${rate.toFixed(0)} orders/s offered (${share * 100} % of the baseline)`;
      line(`${label}: add p50 / p99`, `${ms(offered.p50)} / ${ms(offered.p99)}, ${offered.failures} not placed`);
      line(`${label}: add p99 − upstream (goal ≤ 50 ms)`, ms(offered.p99 - LATENCY_MS));
    }

    const check = await getDb();
    const report = await verifyLedger(check);
    line("ledger after the run", report.ok ? "clean" : `${report.mismatches.length} mismatches`);
  } finally {
    await stopApp(app);
    await closeDb();
    await simulator.close();
    await database.drop();
  }
}

// `npx tsx bench/placement.ts` runs this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) await runPlacementBench();
