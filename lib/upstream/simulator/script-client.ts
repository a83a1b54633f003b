// Calls a running simulator's /sim/* controls (script-routes.ts) from another process: the
// browser tests script the simulator that scripts/test/run-e2e.ts started, given its API URL and
// key in E2E_SIMULATOR_URL and E2E_SIMULATOR_KEY.
import { SCRIPT_PATHS } from "./script-routes";
import type { ScriptedOutcome, ScriptTarget } from "./scripted-outcomes";

export type SimulatorAddress = { url: string; key: string };

async function post(simulator: SimulatorAddress, path: string, body: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(new URL(path, simulator.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key: simulator.key, ...body }),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Queues the outcomes of the next orders of a link (or product); answers how many are queued for it. */
export async function scriptOutcomes(simulator: SimulatorAddress, target: ScriptTarget, outcomes: readonly ScriptedOutcome[]): Promise<number> {
  return ((await post(simulator, SCRIPT_PATHS.outcomes, { ...target, outcomes })) as { queued: number }).queued;
}

/** Sets a counted product's stock at the simulator (0: listed "Out of stock"). */
export async function setSimulatorStock(simulator: SimulatorAddress, product: number, inventory: number): Promise<void> {
  await post(simulator, SCRIPT_PATHS.stock, { product, inventory });
}

/** The simulator of the browser tests (scripts/test/run-e2e.ts passes it in the environment). */
export function e2eSimulator(): SimulatorAddress {
  const url = process.env.E2E_SIMULATOR_URL;
  const key = process.env.E2E_SIMULATOR_KEY;
  if (!url || !key) throw new Error("E2E_SIMULATOR_URL and E2E_SIMULATOR_KEY are not set: run the browser tests through scripts/test/run-e2e.ts");
  return { url, key };
}
