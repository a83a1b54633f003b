// Steps two and three of the lean placement: send `add` exactly once for an order that was
// written already claimed (lib/ledger/open-charged-order.ts), outside any transaction, renewing
// the sender's lease while waiting; then record the answer. The common answer (an upstream order
// id) is recorded with its event in one statement; refusals, lost answers and races take the
// general road (recordSubmitOutcome), which refunds and flags through transitionOrders.
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { upstreamClientFor, type ProviderConnection } from "@/lib/providers/provider-client";
import type { AddOrderInput } from "@/lib/upstream/add-order-input";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { CreatedOrder, UpstreamResult } from "@/lib/upstream/types";
import { AWAITING_ANSWER_STATES } from "./state-machine";
import { keepLeaseAlive } from "./submission-lease";
import { FIRST_POLL_DELAY_MS, recordSubmitOutcome, type SubmitOutcome } from "./submit-order";
import { transitionInOneStatement } from "./transition-statement";

/** `add` for a service (its AddOrderInput), or the call that sends a product order. */
export type Send = AddOrderInput | ((client: UpstreamClient) => Promise<UpstreamResult<CreatedOrder>>);

export async function sendClaimedOrder(db: Db, orderId: number, provider: ProviderConnection, send: Send, leaseMs: number): Promise<SubmitOutcome> {
  const stopRenewing = keepLeaseAlive(leaseMs, () =>
    db.order.updateMany({ where: { id: orderId, state: "pending_submit" }, data: { leaseUntil: new Date(Date.now() + leaseMs) } }),
  );
  try {
    let result: UpstreamResult<CreatedOrder>;
    try {
      const client = upstreamClientFor(provider);
      result = await (typeof send === "function" ? send(client) : client.add(send));
    } catch (error) {
      // Nothing left: the key could not be decrypted or the request not built.
      result = { ok: false, kind: "definite", message: (error as Error).message };
    }
    const now = new Date();
    if (result.ok && (await recordPlaced(db, orderId, result.value.order, now))) return "placed";
    return await recordSubmitOutcome(db, orderId, result, now, "placement");
  } finally {
    stopRenewing();
  }
}

/** pending_submit (or unknown) → pending with the upstream id, and its event; false leaves it to the general road. */
async function recordPlaced(db: Db, orderId: number, upstreamId: string, now: Date): Promise<boolean> {
  try {
    return await transitionInOneStatement(db, {
      orderId,
      from: AWAITING_ANSWER_STATES,
      to: "pending",
      by: "placement",
      now,
      // flag: null — a late answer settles what the "answer lost" flag asked staff to check.
      set: [
        Prisma.sql`"upstreamOrderId" = ${upstreamId}`,
        Prisma.sql`"submittedAt" = ${now}`,
        Prisma.sql`"nextSyncAt" = ${new Date(now.getTime() + FIRST_POLL_DELAY_MS)}`,
        Prisma.sql`"lastError" = NULL`,
        Prisma.sql`flag = NULL`,
        Prisma.sql`"leaseUntil" = NULL`,
      ],
      where: Prisma.sql`"upstreamOrderId" IS NULL`,
      event: { type: "submitted", message: `upstream order ${upstreamId}` },
    });
  } catch (error) {
    // Another of our orders already follows this upstream order: recordSubmitOutcome flags it.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
