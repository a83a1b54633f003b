// npm run demo — the panel on embedded defaults: PGlite in ./data (kept across restarts),
// migrations applied, demo accounts, the built-in upstream simulator as "Demo provider", ways to
// add funds (a manual bank transfer the demo admin approves, and a card method through a local
// Stripe stand-in), a production build served on http://localhost:3000 (PORT) with the order
// worker running inside it. package.json runs it with --conditions=react-server: the payment
// methods are created through server-only payment code, whose guard throws under other conditions.
import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "@/lib/db/connection";
import { migrateDatabase } from "@/lib/db/migrate";
import { describeTarget, resolveDatabaseTarget } from "@/lib/db/target";
import { DEMO_STRIPE_KEYS, ensureDemoPaymentMethods } from "@/lib/demo/demo-payments";
import { DEMO_ACCOUNTS, setUpDemo } from "@/lib/demo/demo-setup";
import { startStripeStub } from "@/lib/payments/testing/stripe-stub";
import { startSimulator } from "@/lib/upstream/simulator";

const PORT = Number(process.env.PORT ?? 3000);
const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
const SIMULATOR_KEY = "demo-simulator-key";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// The demo's upstream is the local simulator over plain http: allowed for it by name (egress rules).
process.env.UPSTREAM_ALLOW_PRIVATE ??= "1";
process.env.UPSTREAM_ALLOW_HTTP_HOSTS ??= "127.0.0.1,localhost";
loadDemoSecrets(path.join("data", "demo-secrets.json"));
const target = resolveDatabaseTarget();
console.log(`Database: ${describeTarget(target)}`);
const applied = await migrateDatabase(target);
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

const simulator = await startSimulator({
  port: SIMULATOR_PORT,
  seed: 1,
  services: 200,
  apiKey: SIMULATOR_KEY,
  balance: "5000",
  clock: { realtime: true },
  // Its orders survive restarts, like the panel's that refer to them.
  statePath: path.join("data", "simulator-state.json"),
});
console.log(`Upstream simulator: ${simulator.url} (key ${SIMULATOR_KEY})`);
// Card payments go to a Stripe stand-in on this machine: its "checkout" page pays at a click and
// sends the signed webhook back to the panel, as Stripe would.
const stripe = await startStripeStub({ ...DEMO_STRIPE_KEYS, webhookUrl: `http://127.0.0.1:${PORT}/api/payments/stripe/webhook` });

const db = await getDb();
for (const note of await setUpDemo(db, { url: simulator.url, key: SIMULATOR_KEY })) console.log(note);
for (const note of await ensureDemoPaymentMethods(db, DEMO_ACCOUNTS.admin.email, DEMO_STRIPE_KEYS)) console.log(note);
// PGlite is single-process: release it before the app opens it.
await closeDb();

if (needsBuild()) {
  console.log("Building the app (next build): the first build takes a few minutes; later starts reuse it…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Started with node directly (not npx) so that stopping the demo stops the server itself; the
// server is `npm start`'s (scripts/server.ts: client addresses from the socket, not from headers).
const app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts"), "-p", String(PORT)], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    IN_PROCESS_WORKER: process.env.IN_PROCESS_WORKER ?? "1",
    STRIPE_API_BASE: stripe.url,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${PORT}`,
  },
});

console.log(`
  Panel:     http://localhost:${PORT}
  Admin:     ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}
  Customer:  ${DEMO_ACCOUNTS.customer.email} / ${DEMO_ACCOUNTS.customer.password}
  Upstream:  ${simulator.url} (key ${SIMULATOR_KEY})
  Add funds: "Bank transfer (demo)" — submit it as the customer, approve it as the admin at
             http://localhost:${PORT}/admin/payments/review; or "Card (demo: local Stripe stand-in)",
             paid at a click on a local test checkout page (no real card, no real money).
  CLI:       works beside the running panel, e.g. npm run panel -- ledger:verify
  Ctrl-C stops everything. PORT and SIMULATOR_PORT choose other ports.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await simulator.close();
  await stripe.close();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("SIGHUP", stop);
// Whatever ends this process, the server must not outlive it holding the database.
process.on("exit", () => app.kill("SIGTERM"));
app.on("exit", async (code) => {
  await stop();
  process.exit(code ?? 0);
});

/**
 * The demo runs a production build, which requires real secrets: make random ones on the first
 * run and keep them in ./data (so sessions and stored provider keys survive restarts).
 * Values already in the environment win.
 */
function loadDemoSecrets(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) {
    const random = () => crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, JSON.stringify({ NEXTAUTH_SECRET: random(), PROVIDER_KEY_SECRET: random() }), { mode: 0o600 });
  }
  const secrets = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  for (const [name, value] of Object.entries(secrets)) process.env[name] ??= value;
}

/** A build is needed when there is none or any source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.existsSync(dir) &&
    fs.readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name !== "generated" && newer(full);
      return fs.statSync(full).mtimeMs > builtAt;
    });
  return ["app", "components", "lib", "proxy.ts", "next.config.mjs", "package-lock.json"].some((p) =>
    fs.existsSync(p) && fs.statSync(p).isDirectory() ? newer(p) : fs.existsSync(p) && fs.statSync(p).mtimeMs > builtAt,
  );
}
