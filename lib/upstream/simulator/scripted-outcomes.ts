// Outcomes a test sets in advance for the next orders of one link (service orders) or of one
// product (product orders), so that a test drives the case its title names instead of hoping
// the seeded dice roll it. Each target has a queue: every `add` (or `add_product_order`) that
// passes the simulator's own checks takes the next outcome; with the queue empty the order's
// fate is drawn from the seed as before (the randomized fault run relies on that). Set over
// HTTP (script-routes.ts) or on the in-process handle; the queues are not saved with the state.
import { z } from "zod";

export const ZScriptedOutcome = z.discriminatedUnion("type", [
  /** Runs for `minutes` (simulated) if given, then ends Completed with nothing left. */
  z.object({ type: z.literal("complete"), minutes: z.number().int().min(0).optional() }),
  /** Ends Partial with `remains` undelivered (clamped to 1..quantity) and charged for the rest. */
  z.object({ type: z.literal("partial"), remains: z.number().int().min(1), minutes: z.number().int().min(0).optional() }),
  /** The upstream cancels by itself (products: "Out of stock"); nothing is charged. */
  z.object({ type: z.literal("cancel"), minutes: z.number().int().min(0).optional() }),
  /** The add is answered `{"error": message}`; nothing is created or charged. */
  z.object({ type: z.literal("fail-add"), message: z.string().min(1).optional() }),
  /** The order is created and charged (and runs to Completed) but the answer is lost with the connection. */
  z.object({ type: z.literal("lost-answer") }),
]);
export type ScriptedOutcome = z.infer<typeof ZScriptedOutcome>;

export const ZScriptTarget = z.union([z.object({ link: z.string().min(1) }), z.object({ product: z.coerce.number().int().positive() })]);
export type ScriptTarget = z.infer<typeof ZScriptTarget>;

/** What an order is planned with when its outcome is scripted. */
export type ScriptedFate =
  | { fate: "Completed"; minutes?: number }
  | { fate: "Partial"; remains: number; minutes?: number }
  | { fate: "Canceled"; minutes?: number };

export function scriptedFate(outcome: ScriptedOutcome): ScriptedFate | null {
  switch (outcome.type) {
    case "complete":
      return { fate: "Completed", minutes: outcome.minutes };
    case "partial":
      return { fate: "Partial", remains: outcome.remains, minutes: outcome.minutes };
    case "cancel":
      return { fate: "Canceled", minutes: outcome.minutes };
    case "lost-answer":
      return { fate: "Completed" };
    case "fail-add":
      return null;
  }
}

/** Units delivered by the end for a scripted fate. */
export function scriptedDelivery(script: ScriptedFate, quantity: number): number {
  if (script.fate === "Completed") return quantity;
  if (script.fate === "Canceled") return 0;
  return quantity - Math.min(Math.max(script.remains, 1), quantity);
}

export type OutcomeScript = {
  push(target: ScriptTarget, outcomes: readonly ScriptedOutcome[]): number;
  /** The next outcome for this target, consumed; null when none is queued. */
  take(target: ScriptTarget): ScriptedOutcome | null;
  /** How many outcomes are still queued for the target. */
  pending(target: ScriptTarget): number;
  clear(): void;
};

const keyOf = (target: ScriptTarget) => ("link" in target ? `link:${target.link}` : `product:${target.product}`);

export function createOutcomeScript(): OutcomeScript {
  const queues = new Map<string, ScriptedOutcome[]>();
  return {
    push(target, outcomes) {
      const queue = queues.get(keyOf(target)) ?? [];
      queue.push(...outcomes);
      queues.set(keyOf(target), queue);
      return queue.length;
    },
    take(target) {
      const queue = queues.get(keyOf(target));
      const next = queue?.shift() ?? null;
      if (queue && queue.length === 0) queues.delete(keyOf(target));
      return next;
    },
    pending: (target) => queues.get(keyOf(target))?.length ?? 0,
    clear: () => queues.clear(),
  };
}
