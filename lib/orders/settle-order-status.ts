// What an upstream says about an order, applied through the order state machine. Money moves only
// on a move out of an open state, made by a conditional update: of two settlers racing (two
// worker passes, a lease that expired mid-pass) the loser's update matches nothing and it
// refunds nothing. Final states never reopen; anything odd is flagged for staff, never paid out.
// A normal answer clears what earlier odd answers left (flag, lastError): the order is fine again.
import type { Db } from "@/lib/db/connection";
import { moneyTransaction } from "@/lib/ledger/transaction";
import type { Decimal } from "@/lib/money";
import type { OrderStatusClass } from "@/lib/upstream/statuses";
import { flagOrder, recordOrderEvent } from "./order-events";
import { isFinalState, isOpenState, OPEN_STATES, STATE_FOR_STATUS_CLASS, type OrderState } from "./state-machine";
import { transitionOrders } from "./transition-orders";

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

const INT32_MAX = 2_147_483_647;
const SETTLED_AS: Partial<Record<OrderState, SettleOutcome>> = { completed: "completed", partial: "partial", canceled: "canceled" };

export async function settleOrderStatus(
  db: Db,
  orderId: number,
  observed: ObservedStatus,
  options: { now?: Date; nextSyncAt: Date },
): Promise<SettleOutcome> {
  const now = options.now ?? new Date();
  // PostgreSQL text cannot hold NUL, and an upstream may still send it.
  observed = { ...observed, status: observed.status.replaceAll("\u0000", ""), note: observed.note?.replaceAll("\u0000", "") ?? null };
  return moneyTransaction(db, async (tx) => {
    const order = await tx.order.findUniqueOrThrow({
      where: { id: orderId },
      select: { id: true, userId: true, state: true, charge: true, quantity: true, upstreamStatus: true },
    });
    const release = { leaseUntil: null, leaseOwner: null };
    const target = STATE_FOR_STATUS_CLASS[observed.statusClass];
    if (!isOpenState(order.state)) {
      await tx.order.updateMany({ where: { id: orderId }, data: release });
      if (isFinalState(order.state) && target !== order.state) {
        await flagOrder(tx, orderId, `upstream now says "${observed.status}" but the order was settled as ${order.state}; not acted on`);
        return "flagged";
      }
      return "unchanged";
    }

    const seen = {
      upstreamStatus: observed.status.slice(0, 200),
      // Order.remains is a 32-bit integer; anything beyond it is nonsense kept at the bound
      // (refunds clamp remains to 0..quantity anyway).
      ...(observed.remains !== null ? { remains: Math.max(-INT32_MAX, Math.min(INT32_MAX, observed.remains)) } : {}),
      ...(observed.startCount != null ? { startCount: observed.startCount } : {}),
      ...(observed.charge ? { upstreamCharge: observed.charge.toFixed() } : {}),
      ...(observed.currency ? { upstreamCurrency: observed.currency.slice(0, 20) } : {}),
      syncFailures: 0,
      ...release,
    };
    // An answer we can act on: whatever an earlier refusal or odd status flagged is over.
    const normal = { ...seen, flag: null, lastError: null };
    const keepPolling = (data: object) =>
      tx.order.updateMany({ where: { id: orderId, state: { in: OPEN_STATES } }, data: { ...data, nextSyncAt: options.nextSyncAt } });
    const statusEvent = { type: "status" as const, message: () => `${order.state} → ${target} (${observed.status})${observed.note ? `; note: ${observed.note}` : ""}` };

    if (target === null) {
      await keepPolling(seen);
      await flagOrder(tx, orderId, `unknown upstream status "${observed.status}"; waiting, not settled`);
      return "flagged";
    }
    if (isOpenState(target)) {
      if (target === order.state) {
        await keepPolling(normal);
        return "unchanged";
      }
      const moved = await transitionOrders(tx, {
        where: { id: orderId },
        from: order.state,
        to: target,
        by: "worker",
        data: { ...normal, nextSyncAt: options.nextSyncAt },
        event: { type: "status", message: () => `${order.state} → ${target} (${observed.status})` },
      });
      return moved.length ? "progressed" : "unchanged";
    }
    if (target === "partial" && observed.remains === null) {
      await keepPolling(seen);
      await flagOrder(tx, orderId, `upstream says "${observed.status}" without remains; refund needs staff`);
      return "flagged";
    }

    const [settled] = await transitionOrders(tx, {
      where: { id: orderId },
      from: OPEN_STATES,
      to: target,
      by: "worker",
      data: { ...normal, finishedAt: now },
      event: statusEvent,
    });
    if (!settled) return "unchanged";
    if (settled.refunded) {
      await recordOrderEvent(tx, orderId, "refund", `${settled.refunded.kind} ${settled.refunded.amount.toFixed(6)}`);
    }
    return SETTLED_AS[target] ?? "unchanged";
  });
}
