// Status sync and the worker against the protocol's floor: N open orders, an upstream answering
// `status` (≤100 ids a request) after 50 ms, at most C requests in flight. The floor is
// ceil(N/100) × latency ÷ C: no worker can be faster without asking more at once. Each figure
// is printed beside the floor measured in the same run, and the ratio. Asserts nothing.
//   SYNC_BENCH_ORDERS=10000,100000  the order counts for the status-sync figure (default both)
//   SYNC_BENCH_PROFILE=dir          writes a CPU profile of each measured part (not the seeding) there
// The upstream is the simulator in its own process (as a real upstream is: its work is not ours),
// its clock running fast so orders reach their final states. Orders are seeded straight into the
// database (order rows, their charge entries, balances) for orders the simulator really holds;
// `verifyLedger` checks the whole database at the end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import inspector from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type Db } from "@/lib/db/connection";
import { ensureSimulatorProvider } from "@/lib/demo/demo-setup";
import { runSyncPass } from "@/lib/jobs/run-sync-pass";
import { startWorkerLoop } from "@/lib/jobs/worker-loop";
import { creditFunds, verifyLedger } from "@/lib/ledger";
import { createUpstreamClient } from "@/lib/upstream";
import { createUser } from "@/lib/users/create-user";
import { mapWithConcurrency } from "@/lib/util/concurrency";
import { createTestDatabase } from "../scripts/test/test-database";

const LATENCY_MS = 50;
const IDS_PER_REQUEST = 100;
/** The worker's defaults (runSyncPass): requests in flight. */
const DEFAULT_CONCURRENCY = 4;

const floorMs = (orders: number, concurrency: number) => (Math.ceil(orders / IDS_PER_REQUEST) * LATENCY_MS) / concurrency;

function figure(label: string, measuredMs: number, orders: number, concurrency: number) {
  const floor = floorMs(orders, concurrency);
  console.log(`${label.padEnd(52)} ${(measuredMs / 1000).toFixed(2)} s   floor ${(floor / 1000).toFixed(2)} s   ${(measuredMs / floor).toFixed(2)}× the floor`);
}

type Upstream = { url: string; apiKey: string; pid: number; close(): Promise<void> };

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** scripts/simulator.ts as a child process: answers `status` after LATENCY_MS, time runs fast. */
export async function startUpstreamProcess(): Promise<Upstream> {
  const apiKey = "bench";
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/simulator.ts", "--port", "0", "--seed", "5", "--services", "20", "--key", apiKey,
     "--balance", "1000000000", "--speed", "200000", "--fault", `status=latency:${LATENCY_MS}`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /API URL: (\S+)/.exec(output);
      if (found) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`simulator exited (${code}) before listening`)));
  });
  return {
    url,
    apiKey,
    pid: child.pid ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs `fn` under the CPU profiler when SYNC_BENCH_PROFILE names a folder. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.SYNC_BENCH_PROFILE;
  if (!dir) return fn();
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** `count` orders the simulator accepted, recorded as ours: pending, charged, due now. */
export async function seedOpenOrders(db: Db, sim: Upstream, providerId: number, count: number, label: string): Promise<number[]> {
  const service = await db.service.findFirstOrThrow({ where: { providerId, type: "Default", enabled: true }, orderBy: { min: "asc" } });
  const client = createUpstreamClient({ url: sim.url, key: sim.apiKey });
  const upstreamIds = await mapWithConcurrency(Array.from({ length: count }, (_, i) => i), 64, async (i) => {
    // A lost answer on this loaded machine is simply asked again (the simulator may keep an extra order).
    for (let attempt = 1; ; attempt++) {
      const added = await client.add({ service: service.upstreamId, type: "Default", link: `https://example.com/${label}/${i}`, quantity: service.min });
      if (added.ok) return added.value.order;
      if (attempt === 3) throw new Error(`seeding add: ${added.message}`);
    }
  });
  // 100 orders per customer, as many customers place them.
  const customers: number[] = [];
  for (let i = 0; i < Math.ceil(count / 100); i++) {
    const made = await createUser(db, { email: `${label}-${i}@bench.local`, password: "bench-password-1" });
    if (!made.ok) throw new Error("cannot create bench customer");
    await creditFunds(db, { customerId: made.user.id, amount: "1000000", reason: "bench" });
    customers.push(made.user.id);
  }
  const charge = service.sellRate.times(service.min).dividedBy(1000).toDecimalPlaces(6, 2).toFixed(6);
  const rows = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO "Order" ("userId", kind, "serviceId", "providerId", link, quantity, params, charge, state, "requestHash",
                         "upstreamOrderId", "submitStartedAt", "submittedAt", "nextSyncAt", "updatedAt")
    SELECT (${customers}::int[])[1 + (n - 1) / 100], 'service', ${service.id}, ${providerId}, 'https://example.com/' || n, ${service.min},
           '{}'::jsonb, ${charge}::numeric, 'pending', 'bench-' || n, u.id, now(), now(), now() - interval '1 minute', now()
    FROM unnest(${upstreamIds}::text[]) WITH ORDINALITY AS u(id, n)
    RETURNING id`;
  // Each order's charge entry, chained per customer exactly as debits would have written them, and
  // the balances they leave, in one transaction (the database checks both agree when it commits).
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO "LedgerEntry" ("userId", kind, amount, "balanceAfter", "orderId")
      SELECT o."userId", 'charge', -o.charge, 1000000 - SUM(o.charge) OVER (PARTITION BY o."userId" ORDER BY o.id), o.id
      FROM "Order" o WHERE o.id = ANY(${rows.map((r) => r.id)}::int[]) ORDER BY o."userId", o.id`,
    db.$executeRaw`
      UPDATE "User" u SET balance = u.balance - t.total
      FROM (SELECT "userId", SUM(charge) AS total FROM "Order" WHERE id = ANY(${rows.map((r) => r.id)}::int[]) GROUP BY "userId") t
      WHERE u.id = t."userId"`,
  ]);
  return rows.map((r) => r.id);
}

async function statusSync(db: Db, sim: Upstream, providerId: number, count: number) {
  const ids = await seedOpenOrders(db, sim, providerId, count, `sync${count}`);
  const cpuBefore = process.cpuUsage();
  const upstreamCpuBefore = cpuSecondsOf(sim.pid);
  const started = performance.now();
  const report = await profiled(`status-sync-${count}`, () => runSyncPass(db, { providerIds: [providerId], limit: count, concurrency: DEFAULT_CONCURRENCY }));
  const elapsed = performance.now() - started;
  if (report.claimed !== ids.length) throw new Error(`claimed ${report.claimed} of ${ids.length}`);
  const cpu = process.cpuUsage(cpuBefore);
  figure(`status sync of ${count.toLocaleString("en")} open orders (one pass, C=${DEFAULT_CONCURRENCY})`, elapsed, count, DEFAULT_CONCURRENCY);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const upstreamCpu = cpuSecondsOf(sim.pid) - upstreamCpuBefore;
  console.log(`${"  CPU of this process during that pass".padEnd(52)} ${cpuSeconds.toFixed(2)} s (${((cpuSeconds * 1000 / elapsed) * 100).toFixed(0)} % of the wall time; load average ${os.loadavg()[0].toFixed(1)}); the upstream's ${upstreamCpu.toFixed(2)} s`);
}


async function workerLoop(db: Db, sim: Upstream, providerId: number, count: number) {
  await seedOpenOrders(db, sim, providerId, count, `worker${count}`);
  let polled = 0;
  let done: () => void = () => {};
  const allPolled = new Promise<void>((resolve) => (done = resolve));
  const started = performance.now();
  // Default settings (limit, concurrency, leases, WORKER_INTERVAL_MS's default pause).
  const loop = startWorkerLoop({
    intervalMs: 5_000,
    db,
    providerIds: [providerId],
    log: (line) => {
      const claimed = /^(\d+) order\(s\) polled$/.exec(line);
      if (claimed) polled += Number(claimed[1]);
      if (polled >= count) done();
    },
  });
  await profiled("worker", () => allPolled);
  const elapsed = performance.now() - started;
  await loop.stop();
  figure(`worker, default settings, ${count.toLocaleString("en")} due orders`, elapsed, count, DEFAULT_CONCURRENCY);
}

export async function benchSync(): Promise<void> {
  const counts = (process.env.SYNC_BENCH_ORDERS ?? "10000,100000").split(",").map(Number).filter((n) => n > 0);
  process.env.PROVIDER_KEY_SECRET ??= "bench-provider-key-secret-0123456789abcdef";
  process.env.UPSTREAM_ALLOW_PRIVATE ??= "1"; // local simulators (lib/upstream/egress.ts)
  const database = await createTestDatabase("panel_bench_sync");
  const sim = await startUpstreamProcess();
  const previousUrl = process.env.DATABASE_URL;
  try {
    await closeDb();
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    await ensureSimulatorProvider(db, "Sync bench simulator", { url: sim.url, key: "bench" }, "25");
    const { id: providerId } = await db.provider.findUniqueOrThrow({ where: { name: "Sync bench simulator" }, select: { id: true } });
    console.log(`sync bench: upstream latency ${LATENCY_MS} ms per status request of ≤${IDS_PER_REQUEST} ids, floor = ceil(N/100) × latency ÷ concurrency`);
    for (const count of counts) await statusSync(db, sim, providerId, count);
    await workerLoop(db, sim, providerId, 10_000);
    const report = await verifyLedger(db);
    console.log(`${"verifyLedger after the sync bench".padEnd(52)} ${report.ok ? "clean" : `${report.mismatches.length} mismatches`} (${report.orders} orders)`);
  } finally {
    await closeDb();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await sim.close();
    await database.drop();
  }
}
