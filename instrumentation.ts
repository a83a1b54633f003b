// Runs once when the Next.js server starts; the services themselves are Node-only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessServices } = await import("@/lib/server/start-in-process-services");
  await startInProcessServices();
}
