// The Node half of instrumentation.ts, kept out of that file because Next also compiles it for
// the Edge runtime, which has no process.exit. A misconfigured app (placeholder, short or, in
// production, missing secrets) exits here with the reason instead of answering 500 to every request.
import { assertSecretsConfigured } from "@/lib/config/secrets";
import { startInProcessServices } from "./start-in-process-services";

export async function startNodeServer(): Promise<void> {
  try {
    assertSecretsConfigured("app");
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  await startInProcessServices();
}
