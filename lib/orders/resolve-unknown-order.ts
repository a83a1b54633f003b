// Staff settle an order whose `add` answer was lost, after checking the provider's own panel.
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { fromDb } from "@/lib/ledger/db-decimal";
import { refundForOrder } from "@/lib/ledger/order-money";
import { moneyTransaction, type Tx } from "@/lib/ledger/transaction";
import { isUniqueViolation } from "./open-order";
import { recordOrderEvent } from "./order-events";

export type UnknownOrderResolution = { placed: string } | { failed: true };
export type ResolveResult = { ok: true; state: "pending" | "failed" } | { ok: false; error: string };

export async function resolveUnknownOrder(
  db: Db,
  orderId: number,
  resolution: UnknownOrderResolution,
  actorId: number | null,
): Promise<ResolveResult> {
  const placedId = "placed" in resolution ? resolution.placed.trim() : null;
  if (placedId !== null && !/^[A-Za-z0-9_-]{1,100}$/.test(placedId)) return { ok: false, error: "Give the provider's order id." };
  const now = new Date();
  const who = actorId ? `staff ${actorId}` : "operator";
  try {
    return await resolveOnce(db, orderId, placedId, actorId, now, who);
  } catch (error) {
    // The database keeps one of our orders per upstream order.
    if (placedId !== null && isUniqueViolation(error)) {
      return { ok: false, error: `Upstream order ${placedId} is already followed by another order of this provider.` };
    }
    throw error;
  }
}

function resolveOnce(db: Db, orderId: number, placedId: string | null, actorId: number | null, now: Date, who: string): Promise<ResolveResult> {
  return moneyTransaction(db, async (tx) => {
    const where = { id: orderId, state: "unknown" as const, upstreamOrderId: null };
    if (placedId !== null) {
      const placed = await tx.order.updateMany({
        where,
        data: { state: "pending", upstreamOrderId: placedId, submittedAt: now, nextSyncAt: now, flag: null },
      });
      if (placed.count === 0) return notUnknown(tx, orderId);
      await recordOrderEvent(tx, orderId, "resolved", `${who}: placed upstream as ${placedId}`);
      await recordAudit(tx, { actorId, action: "order.resolve", entityType: "Order", entityId: orderId, before: { state: "unknown" }, after: { state: "pending", upstreamOrderId: placedId } });
      return { ok: true, state: "pending" } as const;
    }
    const failed = await tx.order.updateMany({ where, data: { state: "failed", finishedAt: now, flag: null } });
    if (failed.count === 0) return notUnknown(tx, orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { userId: true, charge: true } });
    await refundForOrder(tx, {
      customerId: order.userId,
      orderId,
      kind: "refund_failed",
      amount: fromDb(order.charge),
      actorId,
      reason: "resolved as not placed",
    });
    await recordOrderEvent(tx, orderId, "resolved", `${who}: not placed upstream; charge refunded`);
    await recordAudit(tx, { actorId, action: "order.resolve", entityType: "Order", entityId: orderId, before: { state: "unknown" }, after: { state: "failed", refunded: fromDb(order.charge).toFixed(6) } });
    return { ok: true, state: "failed" } as const;
  });
}

async function notUnknown(tx: Tx, orderId: number): Promise<ResolveResult> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { state: true } });
  if (!order) return { ok: false, error: `No order ${orderId}.` };
  return { ok: false, error: `Order ${orderId} is ${order.state}, not unknown: nothing changed.` };
}
