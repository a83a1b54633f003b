// Orders charged but not answered by `add`. Two cases, told apart by submitStartedAt:
// - never sent (the process stopped between charging and sending): safe to send now;
// - sent but never recorded (the process stopped while waiting): the upstream may have it, so
//   after the lease it becomes `unknown` for staff, and is never sent again.
// Both waits are about a real process that may still be running, so they are measured on the
// wall clock, never on a pass's scheduling clock (which tests move ahead).
import type { Db } from "@/lib/db/connection";
import { recordOrderEvent, flagOrder } from "@/lib/orders/order-events";
import { submitOrder, type SubmitOutcome } from "@/lib/orders/submit-order";
import { onlyProviders } from "./claim-orders";
import { mapWithConcurrency } from "./concurrency";

export async function expireStaleSubmissions(db: Db, options: { submitLeaseMs: number; providerIds?: number[] }): Promise<number> {
  const cutoff = new Date(Date.now() - options.submitLeaseMs);
  const stale = await db.$queryRaw<{ id: number }[]>`
    UPDATE "Order" SET state = 'unknown', "lastError" = 'no answer recorded for add within the lease', "updatedAt" = now()
    WHERE state = 'pending_submit' AND "submitStartedAt" IS NOT NULL AND "submitStartedAt" < ${cutoff}
      ${onlyProviders(options.providerIds)}
    RETURNING id`;
  for (const { id } of stale) {
    await recordOrderEvent(db, id, "submit-expired", "add was sent but its answer was never recorded; never re-sent, staff must resolve");
    await flagOrder(db, id, "upstream answer to add was lost: check the provider and resolve");
  }
  return stale.length;
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
    tally[await submitOrder(db, id)]++;
  });
  return tally;
}
