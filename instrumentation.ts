// Runs once when the Next.js server starts; the services themselves are Node-only
// (lib/server/start-node-server.ts checks the secrets, then starts them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startNodeServer } = await import("@/lib/server/start-node-server");
  await startNodeServer();
}
