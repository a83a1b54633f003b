// Browser tests: a throwaway PostgreSQL database, seeded accounts, a production build of the
// app, and Playwright driving Debian's Chromium against `next start`. Drops the database after.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "@/lib/db/connection";
import { ensureChromium } from "./ensure-chromium";
import { E2E_ACCOUNTS } from "../../e2e/accounts";
import { createTestDatabase } from "./test-database";
import { seedAccounts } from "@/lib/demo/seed-accounts";
import { ensureSimulatorProvider, ensureStartingBalance } from "@/lib/demo/demo-setup";
import { startSimulator } from "@/lib/upstream/simulator";
import { startE2eGateways } from "@/lib/payments/testing/e2e-gateways";
import { writeSinkMessage } from "@/lib/mail/demo-sink";
import { startSmtpSink } from "@/lib/mail/testing/smtp-sink";

export async function runE2e(extraArgs: string[] = []): Promise<number> {
  ensureChromium();
  // Set here too: this process seeds the database (and encrypts the provider key) for the server.
  process.env.PROVIDER_KEY_SECRET ??= "e2e-provider-key-secret-0123456789abcdef";
  process.env.NEXTAUTH_SECRET ??= "e2e-nextauth-secret-0123456789abcdef0123";
  process.env.UPSTREAM_ALLOW_PRIVATE ??= "1";
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-nextauth-secret-0123456789abcdef0123",
    NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
    PROVIDER_KEY_SECRET: process.env.PROVIDER_KEY_SECRET ?? "e2e-provider-key-secret-0123456789abcdef",
    // The simulator is local and plain http: allowed by name, as the demo does (lib/upstream/egress.ts).
    UPSTREAM_ALLOW_PRIVATE: "1",
    UPSTREAM_ALLOW_HTTP_HOSTS: "127.0.0.1,localhost",
  };
  if (!process.env.E2E_SKIP_BUILD) {
    console.log("Building the app for the browser tests (next build)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) return build.status ?? 1;
  }
  const database = await createTestDatabase("panel_e2e");
  // The upstream behind the panel under test: a real HTTP simulator on a realtime clock, fast
  // enough that orders finish within the tests. Tests that need a given outcome script it over
  // HTTP (E2E_SIMULATOR_URL and E2E_SIMULATOR_KEY; lib/upstream/simulator/script-client.ts).
  const simulator = await startSimulator({ port: 0, seed: 7, services: 60, apiKey: "e2e-sim-key", balance: "100000", clock: { realtime: true, speed: 600 } });
  // Local Stripe and Cryptomus API servers; the app reaches them through STRIPE_API_BASE / CRYPTOMUS_API_BASE.
  const gateways = await startE2eGateways(Number(process.env.E2E_PORT ?? 3100));
  // Email goes to a local SMTP sink; browser tests read what arrived from its folder (e2e/mailbox.ts).
  const mailSinkDir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-mail-"));
  const smtpSink = await startSmtpSink({ onMail: (mail) => void writeSinkMessage(mailSinkDir, mail) });
  try {
    process.env.DATABASE_URL = database.url;
    const db = await getDb();
    await seedAccounts(db, Object.values(E2E_ACCOUNTS));
    await ensureSimulatorProvider(db, "E2E simulator", { url: simulator.url, key: "e2e-sim-key" }, "25");
    await ensureStartingBalance(db, E2E_ACCOUNTS.customer.email, "50");
    await closeDb();
    // Asynchronous on purpose: the simulator lives in this process and must keep answering.
    const run = spawn("npx", ["playwright", "test", ...extraArgs], {
      stdio: "inherit",
      env: {
        ...env,
        ...gateways.env,
        DATABASE_URL: database.url,
        IN_PROCESS_WORKER: "1",
        WORKER_INTERVAL_MS: "1000",
        SMTP_URL: smtpSink.url,
        MAIL_SINK_DIR: mailSinkDir,
        E2E_SIMULATOR_URL: simulator.url,
        E2E_SIMULATOR_KEY: simulator.apiKey,
      },
    });
    return await new Promise<number>((resolve) => run.on("exit", (code) => resolve(code ?? 1)));
  } finally {
    await closeDb();
    await simulator.close();
    await gateways.close();
    await smtpSink.close();
    fs.rmSync(mailSinkDir, { recursive: true, force: true });
    // E2E_KEEP_DB=1 keeps the database for a post-mortem (its URL is printed).
    if (process.env.E2E_KEEP_DB === "1") console.log(`Kept the e2e database: ${database.url}`);
    else await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runE2e(process.argv.slice(2));
}
