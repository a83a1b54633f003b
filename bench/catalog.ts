// Catalog import speed (issue 13): `catalog:sync` of 10,000 new services from the simulator over
// HTTP, then a re-sync of the same catalog, each against the goal of 3 s; the per-row import this
// replaced took 21.6 s / 35.2 s on this machine (recorded in issue 13). Runs on its own throwaway
// database. `npx tsx bench/catalog.ts [--services N]`, or as part of `npm run bench`.
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { closeDb, getDb } from "@/lib/db/connection";
import { syncCatalog } from "@/lib/catalog/sync-catalog";
import { encryptProviderKey } from "@/lib/providers/key-encryption";
import { startSimulator } from "@/lib/upstream/simulator";
import { createTestDatabase } from "../scripts/test/test-database";

const GOAL_SECONDS = 3;
const PER_ROW_BEFORE = { first: 21.6, again: 35.2 };

function line(label: string, figure: string) {
  console.log(`${label.padEnd(44)} ${figure}`);
}

export async function runCatalogBench(services = 10_000): Promise<void> {
  process.env.PROVIDER_KEY_SECRET ??= "bench-provider-key-secret-0123456789abcdef";
  process.env.UPSTREAM_ALLOW_PRIVATE ??= "1"; // local simulators (lib/upstream/egress.ts)
  const previousUrl = process.env.DATABASE_URL;
  await closeDb();
  const database = await createTestDatabase("panel_bench_catalog");
  const simulator = await startSimulator({ port: 0, seed: 11, services, products: 12, apiKey: "bench", clock: "manual" });
  try {
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    const provider = await db.provider.create({
      data: { name: "Catalog bench", apiUrl: simulator.url, apiKeyEncrypted: encryptProviderKey("bench"), timeoutMs: 60_000 },
    });
    console.log(`bench: catalog:sync of ${services} services from the simulator over HTTP, PostgreSQL`);
    const timed = async (label: string, before: number) => {
      const started = performance.now();
      const result = await syncCatalog(db, provider.id, { markupPercent: "25", trigger: "cli" });
      const seconds = (performance.now() - started) / 1000;
      if (!result.ok) throw new Error(result.message);
      const s = result.services;
      line(label, `${seconds.toFixed(2)} s (${s.created} new, ${s.updated} updated) — goal ${GOAL_SECONDS} s: ${(seconds / GOAL_SECONDS).toFixed(2)}× the goal; per-row import was ${before} s: ${(before / seconds).toFixed(1)}× faster`);
    };
    await timed(`catalog:sync, ${services} new services`, PER_ROW_BEFORE.first);
    await timed(`catalog:sync again, same ${services}`, PER_ROW_BEFORE.again);
    const changes = await db.catalogChange.count({ where: { providerId: provider.id } });
    line("change log rows written", `${changes}`);
  } finally {
    await closeDb();
    await simulator.close();
    await database.drop();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { services: { type: "string", default: "10000" } }, strict: false });
  await runCatalogBench(Number(values.services));
}
