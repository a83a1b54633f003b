// Everything an order can do, in one table: which state may follow which, who may make the
// move, and what it does to the customer's money. Code changes Order.state only through
// `moveOrders` (./move-orders.ts; lib/ledger/one-writer.test.ts checks), and the database refuses any change of state this
// table does not list, or by an actor it does not name (a trigger on "Order" checks
// "OrderStateTransition", which migrations fill with the same pairs and actors; a test keeps the two equal). The groups other code asks about (open, final, live …) are
// derived from the states here, so a newcomer reads this file to know what an order can do.
import { OrderState } from "@/lib/db/generated/enums";
import type { OrderStatusClass } from "@/lib/upstream/statuses";

export type { OrderState };
export const ORDER_STATES = Object.values(OrderState) as [OrderState, ...OrderState[]];

/**
 * Who makes a move: the customer's placement request (after `add` answers), the worker (the
 * same answers for interrupted placements, and every status poll), the expiry of a sent-but-
 * unanswered `add`, staff resolving an unknown order, and the reconciler settling one from the
 * provider's own records (lib/reconcile). A customer's cancel request changes no state: the
 * Canceled (and its refund) arrives from the upstream through the worker.
 */
export type TransitionActor = "placement" | "worker" | "expiry" | "staff" | "reconciler";

/** debit: the charge is taken; full_refund: all of it comes back; partial_refund: the undelivered part. */
export type MoneyEffect = "debit" | "full_refund" | "partial_refund" | "none";

export type Transition = { from: OrderState | null; to: OrderState; by: readonly TransitionActor[]; money: MoneyEffect; why: string };

const ANSWERS: readonly TransitionActor[] = ["placement", "worker"];

/** `from: null` is the order's creation (an INSERT, in the transaction that debits the charge). */
export const TRANSITIONS: readonly Transition[] = [
  { from: null, to: "pending_submit", by: ["placement"], money: "debit", why: "order row and its charge, before anything is sent" },
  { from: "pending_submit", to: "pending", by: ANSWERS, money: "none", why: "add answered with an upstream order id" },
  { from: "pending_submit", to: "failed", by: ANSWERS, money: "full_refund", why: "add clearly refused" },
  { from: "pending_submit", to: "unknown", by: ANSWERS, money: "none", why: "add's answer lost; never re-sent" },
  { from: "pending_submit", to: "unknown", by: ["expiry"], money: "none", why: "add sent, but its sender stopped before recording the answer" },
  { from: "unknown", to: "pending", by: [...ANSWERS, "staff"], money: "none", why: "a late answer, or staff found the upstream order" },
  { from: "unknown", to: "failed", by: [...ANSWERS, "staff"], money: "full_refund", why: "a late refusal, or staff found nothing upstream" },
  { from: "unknown", to: "pending", by: ["reconciler"], money: "none", why: "the one unclaimed upstream order in its id window whose charge fits" },
  { from: "unknown", to: "failed", by: ["reconciler"], money: "full_refund", why: "its closed id window, fully probed, holds no unclaimed order of ours" },
  { from: "pending", to: "in_progress", by: ["worker"], money: "none", why: "upstream started" },
  { from: "in_progress", to: "pending", by: ["worker"], money: "none", why: "upstream reports pending again" },
  { from: "pending", to: "completed", by: ["worker"], money: "none", why: "delivered" },
  { from: "in_progress", to: "completed", by: ["worker"], money: "none", why: "delivered" },
  { from: "pending", to: "partial", by: ["worker"], money: "partial_refund", why: "partly delivered; floor6(charge × remains / quantity) back" },
  { from: "in_progress", to: "partial", by: ["worker"], money: "partial_refund", why: "partly delivered; floor6(charge × remains / quantity) back" },
  { from: "pending", to: "canceled", by: ["worker"], money: "full_refund", why: "upstream canceled" },
  { from: "in_progress", to: "canceled", by: ["worker"], money: "full_refund", why: "upstream canceled" },
];

/**
 * Each state's phase: charged and waiting for `add`'s answer (or its loss to be resolved),
 * followed upstream by the worker's polls, or done for good. Tests check the phases against the
 * table: a final state has no way out, and open states are the ones status polls move.
 */
export const PHASE: Record<OrderState, "awaiting_answer" | "open" | "final"> = {
  pending_submit: "awaiting_answer",
  unknown: "awaiting_answer",
  pending: "open",
  in_progress: "open",
  completed: "final",
  partial: "final",
  canceled: "final",
  failed: "final",
};

const inPhase = (...phases: string[]) => ORDER_STATES.filter((s) => phases.includes(PHASE[s]));

/** States nothing leaves. */
export const FINAL_STATES = inPhase("final");
/** States the worker follows upstream (status polls may move them). */
export const OPEN_STATES = inPhase("open");
/** Charged, and add's answer not yet recorded (or lost). */
export const AWAITING_ANSWER_STATES = inPhase("awaiting_answer");
/** Not final: what a customer sees as still going on. */
export const LIVE_STATES = inPhase("awaiting_answer", "open");
/** Final and delivered (wholly or partly): results can be read, refills asked. */
export const DELIVERED_STATES = FINAL_STATES.filter((s) => moneyOnEntering(s) !== "full_refund");
/** A cancel may be asked while the upstream still works on the order. */
export const CANCELLABLE_STATES = OPEN_STATES;

export const isFinalState = (state: OrderState) => FINAL_STATES.includes(state);
export const isOpenState = (state: OrderState) => OPEN_STATES.includes(state);
export const isLiveState = (state: OrderState) => LIVE_STATES.includes(state);
export const isDeliveredState = (state: OrderState) => DELIVERED_STATES.includes(state);

/**
 * What entering `state` does to the money. Every move into one state has the same effect (a
 * test checks), so the refund an order in a state must have had is a property of the state:
 * `expectedRefund` (lib/ledger), which both the refunding code and `verifyLedger` use, reads it here.
 */
export function moneyOnEntering(state: OrderState): MoneyEffect {
  const effects = new Set(TRANSITIONS.filter((t) => t.to === state).map((t) => t.money));
  if (effects.size > 1) throw new Error(`transitions into ${state} disagree on money: ${[...effects].join(", ")}`);
  return effects.values().next().value ?? "none";
}

export function isListedTransition(from: OrderState, to: OrderState, by: TransitionActor): boolean {
  return TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(by));
}

/** The (from, to) pairs the database trigger allows; the migration writes the same. */
export function allowedStatePairs(): [OrderState, OrderState][] {
  return allowedStateMoves().map(({ from, to }) => [from, to]);
}

/** Each (from, to) pair with every actor that may make it, sorted: the rows of "OrderStateTransition". */
export function allowedStateMoves(): { from: OrderState; to: OrderState; by: TransitionActor[] }[] {
  const moves = new Map<string, { from: OrderState; to: OrderState; by: Set<TransitionActor> }>();
  for (const t of TRANSITIONS) {
    if (!t.from) continue;
    const key = `${t.from}>${t.to}`;
    const move = moves.get(key) ?? { from: t.from, to: t.to, by: new Set<TransitionActor>() };
    for (const actor of t.by) move.by.add(actor);
    moves.set(key, move);
  }
  return [...moves.values()].map((m) => ({ from: m.from, to: m.to, by: [...m.by].sort() }));
}

/** What an upstream status class means for one of our orders; `null`: not a state (wait, flag). */
export const STATE_FOR_STATUS_CLASS: Record<OrderStatusClass, OrderState | null> = {
  pending: "pending",
  in_progress: "in_progress",
  completed: "completed",
  partial: "partial",
  canceled: "canceled",
  unknown: null,
};
