// Step two and three of placing an order: send `add` exactly once, outside any transaction, and
// record what came back. `submitStartedAt` is the "sent" mark: it is set by a conditional update
// before sending, so of everyone who tries (the customer's request, the worker) one sends.
import type { Db } from "@/lib/db/connection";
import { refundForOrder } from "@/lib/ledger/order-money";
import { moneyTransaction } from "@/lib/ledger/transaction";
import { fromDb } from "@/lib/money/db-decimal";
import type { UpstreamResult, CreatedOrder } from "@/lib/upstream/types";
import { isUniqueViolation } from "@/lib/db/errors";
import { flagOrder, recordOrderEvent } from "./order-events";
import { upstreamClientFor } from "@/lib/providers/provider-client";
import { addInputFor, type ServiceOrderParams } from "./service-order-rules";

export type SubmitOutcome = "placed" | "failed" | "unknown" | "not-sent";

/** How long after `add` the first status poll is due. */
export const FIRST_POLL_DELAY_MS = 30_000;

export async function submitOrder(db: Db, orderId: number): Promise<SubmitOutcome> {
  const claimed = await db.order.updateMany({
    where: { id: orderId, state: "pending_submit", submitStartedAt: null },
    data: { submitStartedAt: new Date() },
  });
  if (claimed.count === 0) return "not-sent";
  const result = await sendAdd(db, orderId);
  return recordSubmitOutcome(db, orderId, result);
}

async function sendAdd(db: Db, orderId: number): Promise<UpstreamResult<CreatedOrder>> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      kind: true,
      quantity: true,
      params: true,
      service: { select: { upstreamId: true } },
      product: { select: { upstreamId: true } },
      provider: { select: { apiUrl: true, apiKeyEncrypted: true, timeoutMs: true, enabled: true } },
    },
  });
  // Everything that can go wrong before the request leaves is a definite failure: nothing was sent.
  if (!order.provider.enabled) return { ok: false, kind: "definite", message: "provider is disabled" };
  let client;
  try {
    client = upstreamClientFor(order.provider);
  } catch (error) {
    return { ok: false, kind: "definite", message: (error as Error).message };
  }
  if (order.kind === "service") {
    if (!order.service) return { ok: false, kind: "definite", message: "service no longer exists" };
    return client.add(addInputFor(order.service.upstreamId, order.params as ServiceOrderParams));
  }
  if (!order.product) return { ok: false, kind: "definite", message: "product no longer exists" };
  const { require } = order.params as { require?: string };
  return client.addProductOrder({ product: order.product.upstreamId, quantity: order.quantity, require });
}

/**
 * pending_submit (or unknown, when this answer arrives after the submission was given up on)
 * becomes pending with the upstream id, or failed with a full refund, or unknown. Each is a
 * conditional update: the loser of any race changes nothing and moves no money.
 */
export async function recordSubmitOutcome(
  db: Db,
  orderId: number,
  result: UpstreamResult<CreatedOrder>,
  now = new Date(),
): Promise<SubmitOutcome> {
  try {
    return await recordOutcomeOnce(db, orderId, result, now);
  } catch (error) {
    // The database keeps one of our orders per upstream order: an id another order already
    // follows is a contradiction for staff, never a second order to refund.
    if (!result.ok || !isUniqueViolation(error)) throw error;
    const message = `upstream answered with order ${result.value.order}, which another of our orders already follows`;
    return recordOutcomeOnce(db, orderId, { ok: false, kind: "indeterminate", message }, now);
  }
}

function recordOutcomeOnce(db: Db, orderId: number, result: UpstreamResult<CreatedOrder>, now: Date): Promise<SubmitOutcome> {
  const undecided = { id: orderId, state: { in: ["pending_submit" as const, "unknown" as const] }, upstreamOrderId: null };
  return moneyTransaction(db, async (tx) => {
    if (result.ok) {
      const placed = await tx.order.updateMany({
        where: undecided,
        // flag: null — a late answer settles what the "answer lost" flag asked staff to check.
        data: { state: "pending", upstreamOrderId: result.value.order, submittedAt: now, nextSyncAt: new Date(now.getTime() + FIRST_POLL_DELAY_MS), lastError: null, flag: null },
      });
      if (placed.count === 0) {
        await flagOrder(tx, orderId, `upstream created order ${result.value.order} after this order was already settled`);
        return "not-sent";
      }
      await recordOrderEvent(tx, orderId, "submitted", `upstream order ${result.value.order}`);
      return "placed";
    }
    if (result.kind === "definite") {
      const failed = await tx.order.updateMany({
        where: undecided,
        data: { state: "failed", lastError: result.message.slice(0, 2000), finishedAt: now },
      });
      if (failed.count === 0) return "not-sent";
      const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { userId: true, charge: true } });
      await refundForOrder(tx, { customerId: order.userId, orderId, kind: "refund_failed", amount: fromDb(order.charge) });
      await recordOrderEvent(tx, orderId, "submit-failed", `refused: ${result.message}; charge refunded`);
      return "failed";
    }
    const lost = await tx.order.updateMany({
      where: { id: orderId, state: "pending_submit" },
      data: { state: "unknown", lastError: result.message.slice(0, 2000) },
    });
    if (lost.count === 0) return "not-sent";
    await recordOrderEvent(tx, orderId, "submit-unanswered", `no clear answer (${result.message}); never re-sent, staff must resolve`);
    await flagOrder(tx, orderId, "upstream answer to add was lost: check the provider and resolve");
    return "unknown";
  });
}
