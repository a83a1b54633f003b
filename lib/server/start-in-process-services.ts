// What the app process starts besides serving pages (called from instrumentation.ts, Node only):
// with the embedded database it owns PGlite, so it serves forwarded CLI commands and, unless
// IN_PROCESS_WORKER=0, runs the order worker and the mail outbox's drain (on PostgreSQL the worker is `npm run worker`).
import { serveCliCommands } from "@/lib/cli/control-channel";
import { runCli } from "@/lib/cli/main";
import { resolveDatabaseTarget } from "@/lib/db/target";
import { startWorkerLoop } from "@/lib/jobs";
import { startMailLoop } from "@/lib/mail/mail-loop";
import { readConfig } from "@/lib/config";

export async function startInProcessServices(): Promise<void> {
  // Wrong settings stop the app at start, naming each one, rather than at first use (secrets are
  // checked before this, by lib/server/start-node-server.ts through lib/config/secrets).
  const settings = readConfig();
  const target = resolveDatabaseTarget();
  const stops: (() => unknown)[] = [];
  const stopAll = () => stops.forEach((stop) => stop());
  process.once("SIGTERM", stopAll);
  process.once("SIGINT", stopAll);

  if (target.kind === "pglite") {
    stops.push(await serveCliCommands(target.dir, (argv) => runCli(argv, { keepDb: true })));
  }
  const setting = settings.IN_PROCESS_WORKER;
  const workerEnabled = setting === undefined ? target.kind === "pglite" : setting === "1";
  if (!workerEnabled) return;
  const loop = startWorkerLoop({
    intervalMs: settings.WORKER_INTERVAL_MS,
    log: (line) => console.log(`[worker] ${line}`),
  });
  const mail = startMailLoop({ log: (line) => console.log(`[worker] ${line}`) });
  stops.push(() => void loop.stop(), () => void mail.stop());
  console.log("[worker] order worker and mail running inside the app");
}
