// npm run worker: the background sync loop until SIGINT/SIGTERM. On a signal the pass in
// flight stops at its next safe point; leases it leaves behind expire on their own.
import "./load-env";
import { config } from "@/lib/config";
import { assertSecretsConfigured } from "@/lib/config/secrets";
import { closeDb } from "@/lib/db/connection";
import { startWorkerLoop } from "@/lib/jobs/worker-loop";
import { workerOwner } from "@/lib/jobs/run-sync-pass";
import { startMailLoop } from "@/lib/mail/mail-loop";

try {
  assertSecretsConfigured("cli");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const intervalMs = config().WORKER_INTERVAL_MS;
const owner = workerOwner();
const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

log(`worker ${owner} started, a pass every ${intervalMs} ms`);
const loop = startWorkerLoop({ intervalMs, owner, log });
// Email from the outbox, beside the order loop (a slow SMTP server never holds up order syncing).
const mail = startMailLoop({ log });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing the current pass`);
  await Promise.all([loop.stop(), mail.stop()]);
  await closeDb();
  log("worker stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
