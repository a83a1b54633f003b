// Staff settle an order whose `add` answer was lost, after checking the provider's own panel.
import type { Db } from "@/lib/db/connection";
import { recordAudit } from "@/lib/audit/record-audit";
import { moneyTransaction, type Tx } from "@/lib/ledger/transaction";
import { isUniqueViolation } from "@/lib/db/errors";
import { Prisma } from "@/lib/db/generated/client";
import { moveOrders } from "./move-orders";
import { toLedgerString } from "@/lib/money";
import { fail, type Failure } from "@/lib/result";

export type UnknownOrderResolution = { placed: string } | { failed: true };
export type ResolveResult = { ok: true; state: "pending" | "failed" } | Failure;

export async function resolveUnknownOrder(
  db: Db,
  orderId: number,
  resolution: UnknownOrderResolution,
  actorId: number | null,
): Promise<ResolveResult> {
  const placedId = "placed" in resolution ? resolution.placed.trim() : null;
  if (placedId !== null && !/^[A-Za-z0-9_-]{1,100}$/.test(placedId)) return fail("invalid_value", "Give the provider's order id.");
  const now = new Date();
  const who = actorId ? `staff ${actorId}` : "operator";
  try {
    return await resolveOnce(db, orderId, placedId, actorId, now, who);
  } catch (error) {
    // The database keeps one of our orders per upstream order.
    if (placedId !== null && isUniqueViolation(error)) {
      return fail("upstream_order_taken", `Upstream order ${placedId} is already followed by another order of this provider.`);
    }
    throw error;
  }
}

function resolveOnce(db: Db, orderId: number, placedId: string | null, actorId: number | null, now: Date, who: string): Promise<ResolveResult> {
  return moneyTransaction(db, async (tx) => {
    const unknown = { by: "staff", where: Prisma.sql`o."upstreamOrderId" IS NULL` } as const;
    if (placedId !== null) {
      const placed = await moveOrders(tx, unknown, [{
        id: orderId,
        from: "unknown",
        to: "pending",
        set: { upstreamOrderId: placedId, submittedAt: now, nextSyncAt: now, flag: null },
        events: [{ type: "resolved", message: `${who}: placed upstream as ${placedId}` }],
      }]);
      if (placed.length === 0) return notUnknown(tx, orderId);
      await recordAudit(tx, { actorId, action: "order.resolve", entityType: "Order", entityId: orderId, before: { state: "unknown" }, after: { state: "pending", upstreamOrderId: placedId } });
      return { ok: true, state: "pending" } as const;
    }
    const failed = await moveOrders(tx, { ...unknown, refund: { actorId, reason: "resolved as not placed" } }, [{
      id: orderId,
      from: "unknown",
      to: "failed",
      set: { finishedAt: now, flag: null },
      events: [{ type: "resolved", message: `${who}: not placed upstream; charge refunded` }],
    }]);
    if (failed.length === 0) return notUnknown(tx, orderId);
    const refunded = failed[0].refunded ? toLedgerString(failed[0].refunded.amount) : null;
    await recordAudit(tx, { actorId, action: "order.resolve", entityType: "Order", entityId: orderId, before: { state: "unknown" }, after: { state: "failed", refunded } });
    return { ok: true, state: "failed" } as const;
  });
}

async function notUnknown(tx: Tx, orderId: number): Promise<ResolveResult> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { state: true } });
  if (!order) return fail("not_found", `No order ${orderId}.`);
  return fail("invalid_value", `Order ${orderId} is ${order.state}, not unknown: nothing changed.`, { data: { state: order.state } });
}
