// Browser tests: a throwaway PostgreSQL database, seeded accounts, a production build of the
// app, and Playwright driving Debian's Chromium against `next start`. Drops the database after.
import { spawnSync } from "node:child_process";
import { closeDb, getDb } from "@/lib/db/connection";
import { ensureChromium } from "./ensure-chromium";
import { E2E_ACCOUNTS } from "../../e2e/accounts";
import { createTestDatabase } from "./test-database";
import { seedAccounts } from "@/lib/demo/seed-accounts";

export async function runE2e(extraArgs: string[] = []): Promise<number> {
  ensureChromium();
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-nextauth-secret",
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
    PROVIDER_KEY_SECRET: process.env.PROVIDER_KEY_SECRET ?? "e2e-provider-key-secret",
  };
  if (!process.env.E2E_SKIP_BUILD) {
    console.log("Building the app for the browser tests (next build)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) return build.status ?? 1;
  }
  const database = await createTestDatabase("panel_e2e");
  try {
    process.env.DATABASE_URL = database.url;
    await seedAccounts(await getDb(), Object.values(E2E_ACCOUNTS));
    await closeDb();
    const run = spawnSync("npx", ["playwright", "test", ...extraArgs], {
      stdio: "inherit",
      env: { ...env, DATABASE_URL: database.url, IN_PROCESS_WORKER: "0" },
    });
    return run.status ?? 1;
  } finally {
    await closeDb();
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runE2e(process.argv.slice(2));
}
