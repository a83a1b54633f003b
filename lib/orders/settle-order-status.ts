// What an upstream says about orders, applied through the order state machine, a batch at a time:
// each order's change is planned from its row as read (the claim returns it), and all of them are
// written set-based in one statement by moveOrders (./move-orders.ts), refunds included. Money moves only on a move out of
// an open state, made by a conditional update: of two settlers racing (two worker passes, a lease
// that expired mid-pass) the loser's update matches nothing and it refunds nothing. Final states never reopen; anything odd is flagged for staff, never paid out. A
// normal answer clears what earlier odd answers left (flag, lastError): the order is fine again.
import type { Db } from "@/lib/db/connection";
import { Decimal } from "@/lib/money";
import type { OrderStatusClass } from "@/lib/upstream/statuses";
import { moveOrders, type OrderMove } from "./move-orders";
import { isFinalState, isOpenState, STATE_FOR_STATUS_CLASS, type OrderState } from "./state-machine";

export type ObservedStatus = {
  status: string;
  statusClass: OrderStatusClass;
  charge: Decimal | null;
  remains: number | null;
  startCount?: number | null;
  currency?: string | null;
  note?: string | null;
};

export type SettleOutcome = "unchanged" | "progressed" | "completed" | "partial" | "canceled" | "flagged";

/** An order as the worker read it (the claim): what its change is planned from. */
export type OrderSnapshot = { id: number; state: OrderState };

export type StatusToSettle = { orderId: number; observed: ObservedStatus; nextSyncAt: Date };

const INT32_MAX = 2_147_483_647;
const SETTLED_AS: Partial<Record<OrderState, SettleOutcome>> = { completed: "completed", partial: "partial", canceled: "canceled" };
/** PostgreSQL text cannot hold NUL, and an upstream may still send it. */
const clean = (text: string) => text.replaceAll("\u0000", "");

export async function settleOrderStatus(
  db: Db,
  orderId: number,
  observed: ObservedStatus,
  options: { now?: Date; nextSyncAt: Date },
): Promise<SettleOutcome> {
  const [outcome] = await settleOrderStatuses(db, [{ orderId, observed, nextSyncAt: options.nextSyncAt }], options);
  return outcome;
}

/**
 * Settles a batch (≤ 100 polled orders) in one statement; outcomes in the order given. `snapshots`
 * are the rows as the caller read them (the claim); without them the rows are read here.
 */
export async function settleOrderStatuses(
  db: Db,
  items: StatusToSettle[],
  options: { now?: Date; snapshots?: Map<number, OrderSnapshot> } = {},
): Promise<SettleOutcome[]> {
  if (items.length === 0) return [];
  const now = options.now ?? new Date();
  const snapshots = options.snapshots ?? (await readSnapshots(db, items.map((item) => item.orderId)));
  const plans = items.map((item) => {
    const order = snapshots.get(item.orderId);
    if (!order) throw new Error(`order ${item.orderId} does not exist`);
    return planSettlement(order, item, now);
  });
  const applied = new Set((await moveOrders(db, { by: "worker" }, plans.map((p) => p.change))).map((a) => a.id));
  return plans.map((plan) => (applied.has(plan.change.id) ? plan.outcome : "unchanged"));
}

async function readSnapshots(db: Db, ids: number[]): Promise<Map<number, OrderSnapshot>> {
  const rows = await db.order.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

/** What one answer does to one order as read: the same rules the state machine's table states. */
export function planSettlement(order: OrderSnapshot, item: StatusToSettle, now: Date): { change: OrderMove; outcome: SettleOutcome } {
  const observed = { ...item.observed, status: clean(item.observed.status), note: item.observed.note ? clean(item.observed.note) : null };
  const target = STATE_FOR_STATUS_CLASS[observed.statusClass];
  // Whatever happens, the worker is done with the order for this pass: its lease is released.
  const keep: OrderMove = { id: order.id, from: order.state, to: order.state, set: { releaseLease: true }, events: [] };
  const flagged = (change: OrderMove, text: string) => ({ change: { ...change, set: { ...change.set, flag: text.slice(0, 500) } }, outcome: "flagged" as const });

  if (!isOpenState(order.state)) {
    // Only the lease is released; a final order that upstream now describes otherwise is for staff.
    if (isFinalState(order.state) && target !== order.state) {
      return flagged(keep, `upstream now says "${observed.status}" but the order was settled as ${order.state}; not acted on`);
    }
    return { change: keep, outcome: "unchanged" };
  }

  const seen: OrderMove = {
    ...keep,
    set: {
      releaseLease: true,
      upstreamStatus: observed.status.slice(0, 200),
      // Order.remains is a 32-bit integer; anything beyond it is nonsense kept at the bound
      // (refunds clamp remains to 0..quantity anyway).
      remains: observed.remains !== null ? Math.max(-INT32_MAX, Math.min(INT32_MAX, observed.remains)) : undefined,
      startCount: observed.startCount ?? undefined,
      upstreamCharge: observed.charge ? observed.charge.toFixed() : undefined,
      upstreamCurrency: observed.currency ? observed.currency.slice(0, 20) : undefined,
      resetFailures: true,
      nextSyncAt: item.nextSyncAt,
    },
  };
  // An answer we can act on: whatever an earlier refusal or odd status flagged is over.
  const normal: OrderMove = { ...seen, set: { ...seen.set, flag: null, lastError: null } };

  if (target === null) return flagged(seen, `unknown upstream status "${observed.status}"; waiting, not settled`);
  if (isOpenState(target)) {
    if (target === order.state) return { change: normal, outcome: "unchanged" };
    return { change: { ...normal, to: target, events: [{ type: "status", message: `${order.state} → ${target} (${observed.status})` }] }, outcome: "progressed" };
  }
  if (target === "partial" && observed.remains === null) {
    return flagged(seen, `upstream says "${observed.status}" without remains; refund needs staff`);
  }
  const note = observed.note ? `; note: ${observed.note}` : "";
  return {
    change: {
      ...normal,
      to: target,
      // Settled orders are not polled again: the schedule stays as it was.
      set: { ...normal.set, nextSyncAt: undefined, finishedAt: now },
      events: [{ type: "status", message: `${order.state} → ${target} (${observed.status})${note}` }],
    },
    outcome: SETTLED_AS[target] ?? "unchanged",
  };
}
