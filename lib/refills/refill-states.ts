// Everything a refill can do, in one table: which state may follow which and who makes the move.
// Refills move no money (a refill costs nothing). Code changes Refill.state only through
// `moveRefills` (./move-refills.ts), and the database refuses any change this table does not list
// (a trigger on "Refill" checks "RefillStateTransition", filled by a migration with the same pairs;
// refill-states.test.ts keeps the two equal).
import type { RefillState } from "@/lib/db/generated/enums";

export type { RefillState };

/** request: the customer's refill request recording the provider's answer; expiry: an answer never recorded; worker: status polls. */
export type RefillActor = "request" | "expiry" | "worker";

export type RefillTransition = { from: RefillState | null; to: RefillState; by: readonly RefillActor[]; why: string };

export const REFILL_TRANSITIONS: readonly RefillTransition[] = [
  { from: null, to: "pending_submit", by: ["request"], why: "the customer asked; nothing sent yet" },
  { from: "pending_submit", to: "pending", by: ["request"], why: "the provider accepted it with a refill id" },
  { from: "pending_submit", to: "failed", by: ["request"], why: "the provider clearly refused it (it does not count for the cooldown)" },
  { from: "pending_submit", to: "unknown", by: ["request", "expiry"], why: "the answer was lost, or never recorded: staff can check" },
  { from: "pending", to: "in_progress", by: ["worker"], why: "the provider started it" },
  { from: "in_progress", to: "pending", by: ["worker"], why: "the provider reports it pending again" },
  { from: "pending", to: "completed", by: ["worker"], why: "done" },
  { from: "in_progress", to: "completed", by: ["worker"], why: "done" },
  { from: "pending", to: "rejected", by: ["worker"], why: "the provider rejected it" },
  { from: "in_progress", to: "rejected", by: ["worker"], why: "the provider rejected it" },
];

/** The refills the worker follows (status polls may move them). */
export const POLLED_REFILL_STATES: readonly RefillState[] = ["pending", "in_progress"];

export function isListedRefillTransition(from: RefillState, to: RefillState, by: RefillActor): boolean {
  return REFILL_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(by));
}

/** The (from, to) pairs the database trigger allows; the migration writes the same. */
export function allowedRefillStatePairs(): [RefillState, RefillState][] {
  const pairs = new Map<string, [RefillState, RefillState]>();
  for (const t of REFILL_TRANSITIONS) if (t.from) pairs.set(`${t.from}>${t.to}`, [t.from, t.to]);
  return [...pairs.values()];
}
