// Runs once when the Next.js server starts; the services themselves are Node-only. A misconfigured
// app (placeholder, short or, in production, missing secrets) exits here with the reason instead
// of answering 500 to every request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertSecretsConfigured } = await import("@/lib/config/secrets");
  try {
    assertSecretsConfigured("app");
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const { startInProcessServices } = await import("@/lib/server/start-in-process-services");
  await startInProcessServices();
}
