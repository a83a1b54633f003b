// The admin's manual refund of an order (never more than charged, once): the staff-facing gate in
// front of lib/ledger's refund, and what the staff orders table offers to refund; beside the staff
// orders (lib/admin/orders.ts).
import "server-only";
import type { Db } from "@/lib/db/connection";
import { refundableOf, refundOrderManually, MANUAL_REFUND_STATES, type ManualRefundInput, type ManualRefundResult } from "@/lib/ledger/refund-manual";
import { Decimal, toLedgerString } from "@/lib/money";
import { adminRefusal, assertStaff, type StaffActor } from "./authorize";

export async function refundOrderForAdmin(db: Db, actor: StaffActor, input: ManualRefundInput): Promise<ManualRefundResult> {
  return adminRefusal(actor) ?? refundOrderManually(db, input, actor.id);
}

/** What the orders table offers for an order: a refund of up to `left`, or the manual refund made. */
export type ManualRefundOption = { left: string } | { refunded: string } | null;

/**
 * For the orders table: what each listed order could still get as a manual refund, or the one
 * it got (null: neither — wrong state, or nothing left). One query for the page.
 */
export async function manualRefundOptions(db: Db, actor: StaffActor, orders: { id: number; state: string }[]): Promise<Map<number, ManualRefundOption>> {
  assertStaff(actor);
  const eligible = orders.filter((o) => (MANUAL_REFUND_STATES as readonly string[]).includes(o.state)).map((o) => o.id);
  const out = new Map<number, ManualRefundOption>(orders.map((o) => [o.id, null]));
  if (eligible.length === 0) return out;
  const entries = await db.ledgerEntry.findMany({
    where: { orderId: { in: eligible }, kind: { in: ["charge", "refund_failed", "refund_partial", "refund_canceled", "refund_manual"] } },
    select: { orderId: true, kind: true, amount: true },
  });
  const left = new Map<number, Decimal>();
  const manual = new Map<number, string>();
  for (const e of entries) {
    if (e.orderId === null) continue;
    if (e.kind === "refund_manual") manual.set(e.orderId, toLedgerString(e.amount));
    // charge entries are negative, refunds positive: the left-over is minus their sum.
    left.set(e.orderId, (left.get(e.orderId) ?? new Decimal(0)).minus(e.amount.toFixed()));
  }
  for (const id of eligible) {
    const amount = left.get(id);
    const done = manual.get(id);
    out.set(id, done ? { refunded: done } : amount && amount.gt(0) ? { left: toLedgerString(amount) } : null);
  }
  return out;
}

export { refundableOf };
