// npm run bench — figures for the money path on the real PostgreSQL at 127.0.0.1:5432 with the
// upstream simulator over HTTP. Prints throughput and latency; asserts nothing. Issue 13's table,
// each figure beside its baseline from the same run: catalog:sync (bench/catalog.ts), /api/v2 add
// against a bare route (bench/placement.ts, builds the app once), the web process's memory
// (bench/memory.ts), status sync of 10,000 and 100,000 orders and the worker (bench/sync.ts).
// The whole run takes about half an hour on this 2-core machine when it is shared (the build alone
// takes 4 minutes or more); BENCH_SKIP_BUILD=1 reuses the last build, SYNC_BENCH_ORDERS=10000 skips 100,000.
//   --orders N       orders to place (default 1000)
//   --customers N    customers placing them (default 20)
//   --concurrency N  orders in flight at once (default 20)
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/lib/db/connection";
import { ensureSimulatorProvider } from "@/lib/demo/demo-setup";
import { runSyncPass } from "@/lib/jobs";
import { creditFunds, verifyLedger } from "@/lib/ledger";
import { placeOrder } from "@/lib/orders";
import { createUser } from "@/lib/users/create-user";
import { startSimulator } from "@/lib/upstream/simulator";
import { createTestDatabase } from "../scripts/test/test-database";
import { mapWithConcurrency } from "@/lib/util/concurrency";
import { createApiKey } from "@/lib/api-keys";
import { createApiHandler } from "@/lib/api-v2/handle-request";
import { serveHandler } from "@/lib/api-v2/testing/serve-handler";
import { createUpstreamClient } from "@/lib/upstream";
import { benchSync } from "./sync";

// npm run bench -- --storefront: the catalog and order pages at 10,000 services (bench/storefront.ts).
if (process.argv.includes("--storefront")) {
  await (await import("./storefront")).runStorefrontBench();
  process.exit(0);
}

const benchStarted = performance.now();
const { values } = parseArgs({
  options: { orders: { type: "string", default: "1000" }, customers: { type: "string", default: "20" }, concurrency: { type: "string", default: "20" } },
});
const ORDERS = Number(values.orders);
const CUSTOMERS = Number(values.customers);
const CONCURRENCY = Number(values.concurrency);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
function line(label: string, figure: string) {
  console.log(`${label.padEnd(44)} ${figure}`);
}

process.env.PROVIDER_KEY_SECRET ??= "bench-provider-key-secret-0123456789abcdef";
process.env.UPSTREAM_ALLOW_PRIVATE ??= "1"; // the bench's upstreams are local simulators (lib/upstream/egress.ts)
const database = await createTestDatabase("panel_bench");
const simulator = await startSimulator({ port: 0, seed: 3, services: 50, apiKey: "bench", balance: "100000000", clock: "manual" });
try {
  process.env.DATABASE_URL = database.url;
  const db = await getDb();
  await ensureSimulatorProvider(db, "Bench simulator", { url: simulator.url, key: "bench" }, "25");
  const service = await db.service.findFirstOrThrow({ where: { type: "Default", enabled: true }, orderBy: { min: "asc" } });
  const customers: number[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const made = await createUser(db, { email: `bench-${i}@bench.local`, password: "bench-password-1" });
    if (!made.ok) throw new Error("cannot create bench customer");
    await creditFunds(db, { customerId: made.user.id, amount: "1000000", reason: "bench" });
    customers.push(made.user.id);
  }

  console.log(`bench: ${ORDERS} orders, ${CUSTOMERS} customers, concurrency ${CONCURRENCY}, PostgreSQL + simulator over HTTP`);
  const latencies: number[] = [];
  let placed = 0;
  const started = performance.now();
  await mapWithConcurrency(
    Array.from({ length: ORDERS }, (_, i) => i),
    CONCURRENCY,
    async (i) => {
      const t = performance.now();
      const result = await placeOrder(db, customers[i % CUSTOMERS]!, { serviceId: service.id, link: `https://example.com/p/${i}`, quantity: service.min });
      latencies.push(performance.now() - t);
      if (result.ok) placed++;
    },
  );
  const placeSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  line("placeOrder (debit + add + record)", `${(ORDERS / placeSeconds).toFixed(1)} orders/s, ${placed} placed`);
  line("placeOrder latency p50 / p95 / max", `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} / ${latencies.at(-1)!.toFixed(1)} ms`);

  simulator.advance(24 * 60);
  const syncStarted = performance.now();
  let passes = 0;
  let settled = 0;
  for (;;) {
    const report = await runSyncPass(db, { now: new Date(Date.now() + 48 * 3600_000), limit: 500, concurrency: 4 });
    passes++;
    settled += report.claimed;
    if (report.claimed === 0) break;
  }
  const syncSeconds = (performance.now() - syncStarted) / 1000;
  line("sync passes (status batches of ≤100)", `${(settled / syncSeconds).toFixed(1)} orders/s over ${passes} passes, ${settled} claimed`);

  // Our own /api/v2 (the route handler over real HTTP), read by our own client: `status` for
  // batches of 100 order ids, as a reseller's panel polls us.
  process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
  const served = await serveHandler({ POST: createApiHandler() });
  try {
    const key = await createApiKey(db, customers[0]!, "bench");
    if (!key.ok) throw new Error(key.message);
    const client = createUpstreamClient({ url: served.url, key: key.key });
    const own = await db.order.count({ where: { userId: customers[0]! } });
    await mapWithConcurrency(Array.from({ length: Math.max(0, 100 - own) }, (_, i) => i), CONCURRENCY, (i) =>
      placeOrder(db, customers[0]!, { serviceId: service.id, link: `https://example.com/api/${i}`, quantity: service.min }),
    );
    const ids = (await db.order.findMany({ where: { userId: customers[0]! }, select: { id: true }, take: 100 })).map((o) => String(o.id));
    const rounds = 50;
    const apiStarted = performance.now();
    for (let i = 0; i < rounds; i++) {
      const answer = await client.statuses(ids);
      if (!answer.ok) throw new Error(answer.message);
    }
    const perRequest = (performance.now() - apiStarted) / rounds;
    line(`/api/v2 status, ${ids.length} ids per request`, `${perRequest.toFixed(1)} ms per request, ${((1000 / perRequest) * ids.length).toFixed(0)} order statuses/s`);
  } finally {
    await served.close();
  }

  const verifyStarted = performance.now();
  const report = await verifyLedger(db);
  const entries = await db.ledgerEntry.count();
  line("verifyLedger", `${(performance.now() - verifyStarted).toFixed(0)} ms for ${entries} entries, ${report.ok ? "clean" : `${report.mismatches.length} mismatches`}`);
} finally {
  await closeDb();
  await simulator.close();
  await database.drop();
}

// Catalog import of 10,000 services (issue 13), on its own database.
await (await import("./catalog")).runCatalogBench();
// The production build, once, for the two figures that start the app (issue 13): /api/v2 add
// against a bare route doing one INSERT, and the web process's memory under sustained load.
const placement = await import("./placement");
placement.buildAppForBench();
await placement.runPlacementBench({ build: false });
await (await import("./memory")).runMemoryBench({ build: false });

// Reports at 100,000 orders (their own database).
await import("./reports");

// Status sync at 10,000 and 100,000 open orders and the worker (SYNC_BENCH_ORDERS to change).
await benchSync();

// /services and the other customer pages at 10,000 services, on the build made above (issue 9 and 13).
await (await import("./storefront")).runStorefrontBench();
console.log(`bench: done in ${((performance.now() - benchStarted) / 1000 / 60).toFixed(1)} min`);
