// The simulator's own HTTP controls, beside the panel protocol at /api/v2, so that a test in
// another process (the browser tests, whose simulator runs inside scripts/test/run-e2e.ts) can
// set what happens next. Both take JSON with the simulator's API key:
//   POST /sim/outcomes  { key, link | product, outcomes: ScriptedOutcome[] }  → { queued }
//   POST /sim/stock     { key, product, inventory }                          → { product, inventory }
// script-client.ts calls them.
import { z } from "zod";
import { ZScriptedOutcome, ZScriptTarget, type OutcomeScript } from "./scripted-outcomes";
import type { SimulatorState } from "./simulator-state";

export const SCRIPT_PATHS = { outcomes: "/sim/outcomes", stock: "/sim/stock" } as const;

const ZOutcomesBody = z.intersection(ZScriptTarget, z.object({ key: z.string(), outcomes: z.array(ZScriptedOutcome).min(1) }));
const ZStockBody = z.object({ key: z.string(), product: z.number().int().positive(), inventory: z.number().int().min(0) });

export type ScriptAnswer = { status: number; body: unknown };

/** Answers a request to one of SCRIPT_PATHS (null: not one of them). */
export function answerScriptRequest(
  path: string,
  method: string,
  bodyText: string,
  context: { apiKey: string; script: OutcomeScript; state: SimulatorState },
): ScriptAnswer | null {
  if (path !== SCRIPT_PATHS.outcomes && path !== SCRIPT_PATHS.stock) return null;
  if (method !== "POST") return { status: 405, body: { error: "POST only" } };
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { status: 400, body: { error: "body is not JSON" } };
  }
  const key = (json as { key?: unknown } | null)?.key;
  if (key !== context.apiKey) return { status: 403, body: { error: "Invalid API key" } };

  if (path === SCRIPT_PATHS.outcomes) {
    const parsed = ZOutcomesBody.safeParse(json);
    if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
    const { key: _key, outcomes, ...target } = parsed.data;
    return { status: 200, body: { queued: context.script.push(target, outcomes) } };
  }
  const parsed = ZStockBody.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: z.prettifyError(parsed.error) } };
  const product = context.state.productsById.get(parsed.data.product);
  if (!product) return { status: 404, body: { error: `no product ${parsed.data.product}` } };
  if (product.inventory === null) return { status: 400, body: { error: `product ${product.id} has no counted stock` } };
  setStock(context.state, product.id, parsed.data.inventory);
  return { status: 200, body: { product: product.id, inventory: product.inventory } };
}

/** Sets a counted product's stock; at 0 it is listed "Out of stock". */
export function setStock(state: SimulatorState, productId: number, inventory: number): void {
  const product = state.productsById.get(productId);
  if (!product || product.inventory === null) throw new Error(`simulator product ${productId} has no counted stock`);
  product.inventory = inventory;
  product.outOfStock = inventory === 0;
  state.touch();
}
