// Orders charged but not answered by `add`. Two cases, told apart by submitStartedAt:
// - never sent (the process stopped between charging and sending): safe to send now, after a
//   short grace that leaves it to the customer's own request (SUBMIT_GRACE_SECONDS);
// - sent but never recorded (the process stopped while waiting): the upstream may have it, so
//   once its sender's lease has run out (SUBMIT_LEASE_SECONDS, renewed while the sender waits)
//   it becomes `unknown` for staff, and is never sent again.
// Both waits are about a real process that may still be running, so they are measured on the
// wall clock, never on a pass's scheduling clock (which tests move ahead).
import type { Db } from "@/lib/db/connection";
import { Prisma } from "@/lib/db/generated/client";
import { moveOrders } from "@/lib/orders/move-orders";
import { submitOrder, type SubmitOutcome } from "@/lib/orders/submit-order";
import { mapWithConcurrency } from "@/lib/util/concurrency";

const LOST_FLAG = "upstream answer to add was lost: check the provider and resolve";

export async function expireStaleSubmissions(db: Db, options: { submitLeaseMs: number; providerIds?: number[] }): Promise<number> {
  const now = new Date();
  // The lease is the sender's; rows written before leases existed fall back to the send time.
  const cutoff = new Date(now.getTime() - options.submitLeaseMs);
  const stale = await db.order.findMany({
    where: {
      state: "pending_submit",
      submitStartedAt: { not: null, lt: cutoff },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      ...(options.providerIds ? { providerId: { in: options.providerIds } } : {}),
    },
    select: { id: true },
  });
  // The lease is checked again as the orders move: a sender that renewed it since is still waiting.
  const expired = await moveOrders(
    db,
    { by: "expiry", where: Prisma.sql`(o."leaseUntil" IS NULL OR o."leaseUntil" < ${now})` },
    stale.map(({ id }) => ({
      id,
      from: "pending_submit",
      to: "unknown",
      set: { lastError: "no answer recorded for add within the lease", releaseLease: true, flag: LOST_FLAG },
      events: [{ type: "submit-expired", message: "add was sent but its answer was never recorded; never re-sent, staff must resolve" }],
    })),
  );
  return expired.length;
}

export async function submitNeverSentOrders(
  db: Db,
  options: { submitGraceMs: number; limit: number; concurrency: number; providerIds?: number[] },
): Promise<Record<SubmitOutcome, number>> {
  const tally: Record<SubmitOutcome, number> = { placed: 0, failed: 0, unknown: 0, "not-sent": 0 };
  const due = await db.order.findMany({
    where: {
      state: "pending_submit",
      submitStartedAt: null,
      createdAt: { lt: new Date(Date.now() - options.submitGraceMs) },
      ...(options.providerIds ? { providerId: { in: options.providerIds } } : {}),
    },
    orderBy: { id: "asc" },
    take: options.limit,
    select: { id: true },
  });
  // submitOrder claims each order with a conditional update, so a customer's own request racing
  // this one still sends it once.
  await mapWithConcurrency(due, options.concurrency, async ({ id }) => {
    tally[await submitOrder(db, id, "worker")]++;
  });
  return tally;
}
