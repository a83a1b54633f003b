// Runs once when the Next.js server starts. With the embedded database the app process owns
// PGlite, so the order worker runs here (IN_PROCESS_WORKER defaults to on for PGlite, off for
// PostgreSQL where `npm run worker` runs as its own process).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { resolveDatabaseTarget } = await import("@/lib/db/target");
  const { assertProviderKeySecretConfigured } = await import("@/lib/providers/key-encryption");
  if (process.env.PANEL_DEMO !== "1") assertProviderKeySecretConfigured();
  const setting = process.env.IN_PROCESS_WORKER;
  const enabled = setting === undefined ? resolveDatabaseTarget().kind === "pglite" : setting === "1";
  if (!enabled) return;
  const { startWorkerLoop } = await import("@/lib/jobs");
  const loop = startWorkerLoop({ intervalMs: Number(process.env.WORKER_INTERVAL_MS ?? 5000), log: (line) => console.log(`[worker] ${line}`) });
  const stop = () => void loop.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log("[worker] order worker running inside the app");
}
