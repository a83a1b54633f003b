// Step two and three of placing an order: send `add` exactly once, outside any transaction, and
// record what came back. `submitStartedAt` is the "sent" mark: it is set by a conditional update
// before sending, so of everyone who tries (the customer's request, the worker) one sends. The
// sender holds a short lease on the order while it waits (./submission-lease.ts).
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import type { UpstreamResult, CreatedOrder } from "@/lib/upstream/types";
import { isUniqueViolation } from "@/lib/db/errors";
import { flagOrder } from "./order-events";
import { upstreamClientFor } from "@/lib/providers/provider-client";
import { addInputFor, type ServiceOrderParams } from "./service-order-rules";
import { AWAITING_ANSWER_STATES, type TransitionActor } from "./state-machine";
import { keepLeaseAlive, submitLeaseMs } from "./submission-lease";
import { moveOrders } from "./move-orders";

export type SubmitOutcome = "placed" | "failed" | "unknown" | "not-sent";

/** How long after `add` the first status poll is due. */
export const FIRST_POLL_DELAY_MS = 30_000;

/** Who answers: the customer's own placement request, or the worker for an interrupted one. */
type Sender = Extract<TransitionActor, "placement" | "worker">;

export async function submitOrder(db: Db, orderId: number, by: Sender = "placement"): Promise<SubmitOutcome> {
  const leaseMs = submitLeaseMs();
  const leaseUntil = () => new Date(Date.now() + leaseMs);
  const claimed = await db.order.updateMany({
    where: { id: orderId, state: "pending_submit", submitStartedAt: null },
    data: { submitStartedAt: new Date(), leaseUntil: leaseUntil() },
  });
  if (claimed.count === 0) return "not-sent";
  const stopRenewing = keepLeaseAlive(leaseMs, () =>
    db.order.updateMany({ where: { id: orderId, state: "pending_submit" }, data: { leaseUntil: leaseUntil() } }),
  );
  // Renewed until the answer is recorded: waiting on the database counts as waiting too.
  try {
    const result = await sendAdd(db, orderId);
    return await recordSubmitOutcome(db, orderId, result, new Date(), by);
  } finally {
    stopRenewing();
  }
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
 * becomes pending with the upstream id, or failed with a full refund, or unknown. Each is one
 * moveOrders statement: the loser of any race changes nothing and moves no money.
 */
export async function recordSubmitOutcome(
  db: Db,
  orderId: number,
  result: UpstreamResult<CreatedOrder>,
  now = new Date(),
  by: Sender = "placement",
): Promise<SubmitOutcome> {
  try {
    return await recordOutcomeOnce(db, orderId, result, now, by);
  } catch (error) {
    // The database keeps one of our orders per upstream order: an id another order already
    // follows is a contradiction for staff, never a second order to refund.
    if (!result.ok || !isUniqueViolation(error)) throw error;
    const message = `upstream answered with order ${result.value.order}, which another of our orders already follows`;
    return recordOutcomeOnce(db, orderId, { ok: false, kind: "indeterminate", message }, now, by);
  }
}

async function recordOutcomeOnce(db: Db, orderId: number, result: UpstreamResult<CreatedOrder>, now: Date, by: Sender): Promise<SubmitOutcome> {
  // Undecided: still waiting, or given up on as unknown (a late answer still counts).
  const undecided = { by, where: Prisma.sql`o."upstreamOrderId" IS NULL` };
  if (result.ok) {
    const upstreamId = result.value.order;
    const placed = await moveOrders(db, undecided, [{
      id: orderId,
      from: AWAITING_ANSWER_STATES,
      to: "pending",
      // flag: null — a late answer settles what the "answer lost" flag asked staff to check.
      set: { upstreamOrderId: upstreamId, submittedAt: now, nextSyncAt: new Date(now.getTime() + FIRST_POLL_DELAY_MS), lastError: null, flag: null, releaseLease: true },
      events: [{ type: "submitted", message: `upstream order ${upstreamId}` }],
    }]);
    if (placed.length) return "placed";
    await flagOrder(db, orderId, `upstream created order ${upstreamId} after this order was already settled`);
    return "not-sent";
  }
  if (result.kind === "definite") {
    const failed = await moveOrders(db, undecided, [{
      id: orderId,
      from: AWAITING_ANSWER_STATES,
      to: "failed",
      set: { lastError: result.message, finishedAt: now, releaseLease: true },
      events: [{ type: "submit-failed", message: `refused: ${result.message}; charge refunded` }],
    }]);
    return failed.length ? "failed" : "not-sent";
  }
  const lost = await moveOrders(db, undecided, [{
    id: orderId,
    from: "pending_submit",
    to: "unknown",
    set: { lastError: result.message, releaseLease: true, flag: "upstream answer to add was lost: check the provider and resolve" },
    events: [{ type: "submit-unanswered", message: `no clear answer (${result.message}); never re-sent, staff must resolve` }],
  }]);
  return lost.length ? "unknown" : "not-sent";
}
