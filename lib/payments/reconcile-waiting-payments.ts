// The worker's sweep over gateway payments still waiting: a customer who paid and closed the tab
// while the webhook was lost would otherwise never be credited. Each payment not heard of for
// QUIET_MS is asked about once per sweep (askGatewayOnce: one caller at a time, the one crediting
// road); a payment older than GIVE_UP_AFTER_MS is no longer asked (gateways expire theirs within a
// day: Stripe Checkout after 24 h, Cryptomus invoices sooner) and stays for staff to see.
// Manual payments wait for an admin, not a gateway, and are never swept.
import type { Db } from "@/lib/db/connection";
import { askGatewayOnce, WAITING_PAYMENT_SELECT } from "./ask-gateway";

export const QUIET_MS = 10 * 60_000;
export const GIVE_UP_AFTER_MS = 3 * 24 * 3600_000;

export type ReconcileTally = { asked: number; credited: number; closed: number; errors: number };

export async function reconcileWaitingPayments(
  db: Db,
  { now = new Date(), limit = 100, quietMs = QUIET_MS }: { now?: Date; limit?: number; quietMs?: number } = {},
): Promise<ReconcileTally> {
  const due = await db.payment.findMany({
    where: {
      state: "waiting",
      gateway: { not: "manual" },
      externalId: { not: null },
      updatedAt: { lt: new Date(now.getTime() - quietMs) },
      createdAt: { gt: new Date(now.getTime() - GIVE_UP_AFTER_MS) },
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
    select: WAITING_PAYMENT_SELECT,
  });
  const tally: ReconcileTally = { asked: 0, credited: 0, closed: 0, errors: 0 };
  for (const payment of due) {
    const outcome = await askGatewayOnce(db, payment);
    if (outcome === null) continue;
    tally.asked++;
    if (outcome === "credited") tally.credited++;
    else if (outcome === "state" || outcome === "flagged") tally.closed++;
    else if (outcome === "error") tally.errors++;
  }
  return tally;
}
