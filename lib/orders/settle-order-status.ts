// The one state machine for what an upstream says about an order. Money moves only on a
// transition out of pending/in_progress, made by a conditional update: of two settlers racing
// (two worker passes, a lease that expired mid-pass) the loser's update matches nothing and it
// refunds nothing. Final states never reopen; anything odd is flagged for staff, never paid out.
import type { Db } from "@/lib/db/connection";
import type { OrderState } from "@/lib/db/generated/enums";
import { fromDb } from "@/lib/money/db-decimal";
import { expectedRefund } from "@/lib/ledger/expected-refund";
import { refundForOrder } from "@/lib/ledger/order-money";
import { moneyTransaction } from "@/lib/ledger/transaction";
import type { Decimal } from "@/lib/money";
import type { OrderStatusClass } from "@/lib/upstream/statuses";
import { flagOrder, recordOrderEvent } from "./order-events";

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

const OPEN: OrderState[] = ["pending", "in_progress"];
const INT32_MAX = 2_147_483_647;
const FINAL: OrderState[] = ["completed", "partial", "canceled", "failed"];

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
    if (!OPEN.includes(order.state)) {
      await tx.order.updateMany({ where: { id: orderId }, data: release });
      if (FINAL.includes(order.state) && observed.statusClass !== order.state) {
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
    const stillOpen = { id: orderId, state: { in: OPEN } };
    const keepPolling = (data: object) => tx.order.updateMany({ where: stillOpen, data: { ...seen, ...data, nextSyncAt: options.nextSyncAt } });

    switch (observed.statusClass) {
      case "unknown":
        await keepPolling({});
        await flagOrder(tx, orderId, `unknown upstream status "${observed.status}"; waiting, not settled`);
        return "flagged";
      case "pending":
      case "in_progress": {
        const moved = await keepPolling({ state: observed.statusClass });
        if (moved.count && order.state !== observed.statusClass) {
          await recordOrderEvent(tx, orderId, "status", `${order.state} → ${observed.statusClass} (${observed.status})`);
          return "progressed";
        }
        return "unchanged";
      }
      case "partial":
        if (observed.remains === null) {
          await keepPolling({});
          await flagOrder(tx, orderId, `upstream says "${observed.status}" without remains; refund needs staff`);
          return "flagged";
        }
        break;
      case "completed":
      case "canceled":
        break;
    }

    const finalState = observed.statusClass as "completed" | "partial" | "canceled";
    const settled = await tx.order.updateMany({ where: stillOpen, data: { ...seen, state: finalState, finishedAt: now } });
    if (settled.count === 0) return "unchanged";
    const note = observed.note ? `; note: ${observed.note}` : "";
    await recordOrderEvent(tx, orderId, "status", `${order.state} → ${finalState} (${observed.status})${note}`);
    const refund = expectedRefund({ state: finalState, charge: fromDb(order.charge), quantity: order.quantity, remains: observed.remains });
    if (refund?.amount) {
      await refundForOrder(tx, { customerId: order.userId, orderId, kind: refund.kind, amount: refund.amount });
      await recordOrderEvent(tx, orderId, "refund", `${refund.kind} ${refund.amount.toFixed(6)}`);
    }
    return finalState;
  });
}
