// Issue 13's memory figure: the web process (`next start` on the production build) right after
// start, then after sustained load of /api/v2 add + status + services and a few pages, each read
// after a full GC. Equal rounds of load: if each leaves more behind than the one before,
// something grows. The numbers come from bench/memory-probe.cjs, preloaded into the app by this
// bench only (never a route of the app). Prints; asserts nothing.
//   BENCH_MEMORY_REQUESTS  requests per round (default 3000), BENCH_MEMORY_CONCURRENCY (default 32),
//   BENCH_MEMORY_ROUNDS (default 4)
//   BENCH_MEMORY_ONLY=add|status|services|pages  one kind of request only (to find what grows)
//   BENCH_MEMORY_SNAPSHOT=dir  writes a heap snapshot after each round there (for DevTools' comparison view)
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { closeDb, getDb } from "@/lib/db/connection";
import { ensureSimulatorProvider } from "@/lib/demo/demo-setup";
import { startSimulator } from "@/lib/upstream/simulator";
import { mapWithConcurrency } from "@/lib/util/concurrency";
import { createTestDatabase } from "../scripts/test/test-database";
import { benchAppEnv, buildAppForBench, freePort, seedApiCustomers, startApp, stopApp, waitForServer } from "./placement";

const setting = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
const REQUESTS = setting("BENCH_MEMORY_REQUESTS", 3000);
const CONCURRENCY = setting("BENCH_MEMORY_CONCURRENCY", 32);
/** Rounds of load: enough to tell memory that settles (allocator, JIT, pools) from memory that keeps growing. */
const ROUNDS = Math.max(2, setting("BENCH_MEMORY_ROUNDS", 4));
const GOAL_MB = 350;
const CUSTOMERS = 20;

type Memory = { pid: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number; maps?: string[] };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const heapText = (m: Memory) => `heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}`;

function line(label: string, figure: string) {
  console.log(`${label.padEnd(52)} ${figure}`);
}

/** Every process of the app that loaded the probe (next start may run its server in a child). */
async function readMemory(probeDir: string, snapshotDir?: string, what: "memory" | "maps" | "rss" = "memory"): Promise<Memory[]> {
  const found: Memory[] = [];
  for (const file of fs.readdirSync(probeDir)) {
    const { port } = JSON.parse(fs.readFileSync(path.join(probeDir, file), "utf8")) as { port: number };
    const url = snapshotDir ? `http://127.0.0.1:${port}/snapshot?dir=${encodeURIComponent(snapshotDir)}` : `http://127.0.0.1:${port}/${what}`;
    const answer = await fetch(url).then((r) => r.json() as Promise<Memory>, () => null);
    if (answer) found.push(answer);
  }
  return found;
}

/** The process serving requests: the one with the most heap (the CLI parent, if any, holds little). */
const server = (all: Memory[]) => all.reduce((a, b) => (b.heapUsed > a.heapUsed ? b : a));

export async function runMemoryBench(options: { build?: boolean } = {}): Promise<void> {
  const env = benchAppEnv();
  process.env.PROVIDER_KEY_SECRET = env.PROVIDER_KEY_SECRET!;
  process.env.UPSTREAM_ALLOW_PRIVATE ??= "1";
  if (options.build !== false) buildAppForBench();
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-memory-"));
  const snapshotDir = process.env.BENCH_MEMORY_SNAPSHOT;
  if (snapshotDir) fs.mkdirSync(snapshotDir, { recursive: true });
  const previousUrl = process.env.DATABASE_URL;
  await closeDb();
  const database = await createTestDatabase("panel_bench_memory");
  const simulator = await startSimulator({ port: 0, seed: 5, services: 50, apiKey: "bench", balance: "1000000000", clock: "manual" });
  simulator.setFault("add", { type: "latency", ms: 50 });
  let app: ChildProcess | null = null;
  try {
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    await ensureSimulatorProvider(db, "Memory bench simulator", { url: simulator.url, key: "bench" }, "25");
    const service = await db.service.findFirstOrThrow({ where: { type: "Default", enabled: true }, orderBy: { min: "asc" } });
    const keys = await seedApiCustomers(db, CUSTOMERS, "memory");
    await closeDb();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const probe = path.resolve("bench/memory-probe.cjs");
    app = startApp(port, {
        ...env,
        DATABASE_URL: database.url,
        IN_PROCESS_WORKER: "0",
        API_RATE_LIMIT_PER_MINUTE: "100000000",
        BENCH_MEMORY_PROBE_DIR: probeDir,
        NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --expose-gc --require ${probe}`.trim(),
    });
    await waitForServer(`${base}/api/v2`, app);
    const atStart = server(await readMemory(probeDir));
    line("web process right after start (baseline)", `RSS ${mb(atStart.rss)}, ${heapText(atStart)} (after GC)`);

    const placed: string[] = [];
    const failures = new Map<string, { count: number; first: string }>();
    const failed = (kind: string, answer: string) => {
      const seen = failures.get(kind);
      if (seen) seen.count++;
      else failures.set(kind, { count: 1, first: answer.slice(0, 160) });
    };
    const form = (fields: Record<string, string>) => ({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    // Of every 20 requests: 10 add, 6 status of up to 100 orders, 2 services, 2 pages.
    const only = process.env.BENCH_MEMORY_ONLY;
    const slots = { add: [0, 10], status: [10, 16], services: [16, 18], pages: [18, 20] }[only ?? ""] ?? [0, 20];
    const request = async (i: number) => {
      const key = keys[i % CUSTOMERS]!;
      const slot = slots[0]! + (i % (slots[1]! - slots[0]!));
      let response: Response;
      let kind: string;
      if (slot < 10) {
        response = await fetch(`${base}/api/v2`, form({ key, action: "add", service: String(service.id), link: `https://example.com/m/${i}`, quantity: String(service.min) }));
        const text = await response.text();
        const order = (JSON.parse(text) as { order?: unknown }).order;
        if (typeof order === "number") placed.push(String(order));
        else failed("add", `HTTP ${response.status}: ${text}`);
        return;
      }
      if (slot < 16) [kind, response] = ["status", await fetch(`${base}/api/v2`, form({ key, action: "status", orders: placed.slice(-100).join(",") || "1" }))];
      else if (slot < 18) [kind, response] = ["services", await fetch(`${base}/api/v2`, form({ key, action: "services" }))];
      else [kind, response] = [slot === 18 ? "/sign-in" : "/sign-up", await fetch(`${base}${slot === 18 ? "/sign-in" : "/sign-up"}`)];
      const text = await response.text();
      if (!response.ok || (kind !== "services" && text.startsWith('{"error"'))) failed(kind, `HTTP ${response.status}: ${text}`);
    };
    const rounds: Memory[] = [];
    let peak = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const started = performance.now();
      let loading = true;
      const sampling = (async () => {
        while (loading) {
          for (const { rss } of await readMemory(probeDir, undefined, "rss")) peak = Math.max(peak, rss);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      await mapWithConcurrency(Array.from({ length: REQUESTS }, (_, i) => (round - 1) * REQUESTS + i), CONCURRENCY, request);
      loading = false;
      await sampling;
      const seconds = (performance.now() - started) / 1000;
      const after = server(await readMemory(probeDir, snapshotDir));
      rounds.push(after);
      line(
        `after load round ${round} (${REQUESTS} requests, ${(REQUESTS / seconds).toFixed(0)}/s)`,
        `RSS ${mb(after.rss)} (${(after.rss / atStart.rss).toFixed(2)}× the baseline), ${heapText(after)} — goal RSS ≤ ${GOAL_MB} MB: ${((after.rss / 1024 / 1024 / GOAL_MB) * 100).toFixed(0)} % of it`,
      );
    }
    line("highest RSS during the load (sampled every 250 ms)", `${mb(peak)} (${(peak / atStart.rss).toFixed(2)}× the baseline)`);
    const last = rounds.at(-1)!;
    const previous = rounds.at(-2)!;
    line(`growth, round ${ROUNDS} − round ${ROUNDS - 1}`, `RSS ${((last.rss - previous.rss) / 1024 / 1024).toFixed(1)} MB, heap used ${((last.heapUsed - previous.heapUsed) / 1024 / 1024).toFixed(1)} MB`);
    const composition = server(await readMemory(probeDir, undefined, "maps"));
    line("what the RSS is made of (resident, largest first)", `RSS ${mb(composition.rss)}`);
    for (const mapping of composition.maps ?? []) console.log(`  ${mapping}`);
    for (const [kind, { count, first }] of failures) line(`  ${kind}: ${count} request(s) not answered as expected`, first);
    if (snapshotDir) line("heap snapshots", snapshotDir);
  } finally {
    await stopApp(app);
    await closeDb();
    await simulator.close();
    await database.drop();
    fs.rmSync(probeDir, { recursive: true, force: true });
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runMemoryBench();
