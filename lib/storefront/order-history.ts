// An order's page, for its customer: the order with what was paid, its history in words for
// people (staff notes and flags stay out), its ledger lines and its refills. Everything filters by
// the customer: another customer's order id answers null, like a missing one.
import type { Db } from "@/lib/db/connection";
import { getStorefrontOrder, type StorefrontOrder } from "./order-view";
import { toLedgerString } from "@/lib/money";
import { PANEL_CURRENCY } from "@/lib/currency";
import { ledgerKindLabel } from "@/lib/ledger/labels";
import { describeOrderEvent, REFILL_STATE_LABELS } from "@/lib/orders/labels";

/** Customer-facing names of order events; types not listed here are staff-only. */
const EVENT_LABELS: Record<string, string> = {
  placed: "Placed and charged",
  submitted: "Sent to the provider",
  "submit-failed": "The provider refused the order",
  "submit-expired": "Not sent in time",
  status: "Status update",
  refund: "Refunded",
  "cancel-requested": "Cancel requested",
  resolved: "Checked by our staff",
  "refill-requested": "Refill requested",
  results: "Results delivered",
};
/** Whose message text is safe and useful to show (the rest may name upstream internals). */
const EVENT_MESSAGE_SHOWN = new Set(["status", "refund"]);



export type OrderHistory = {
  order: StorefrontOrder;
  events: { id: string; label: string; message: string | null; at: string }[];
  ledger: { id: string; label: string; amount: string; balanceAfter: string; at: string }[];
  refills: { id: number; state: string; at: string }[];
};

export async function getOrderHistory(db: Db, customerId: number, orderId: number): Promise<OrderHistory | null> {
  const order = await getStorefrontOrder(db, customerId, orderId);
  if (!order) return null;
  const [events, ledger, refills] = await Promise.all([
    db.orderEvent.findMany({
      where: { orderId, order: { userId: customerId }, type: { in: Object.keys(EVENT_LABELS) } },
      orderBy: { id: "asc" },
      take: 200,
      select: { id: true, type: true, message: true, createdAt: true },
    }),
    db.ledgerEntry.findMany({
      where: { orderId, userId: customerId },
      orderBy: { id: "asc" },
      select: { id: true, kind: true, amount: true, balanceAfter: true, createdAt: true },
    }),
    db.refill.findMany({
      where: { orderId, userId: customerId },
      orderBy: { id: "desc" },
      take: 50,
      select: { id: true, state: true, createdAt: true },
    }),
  ]);
  return {
    order,
    events: events.map((e) => ({
      id: e.id.toString(),
      label: EVENT_LABELS[e.type] ?? e.type,
      message: EVENT_MESSAGE_SHOWN.has(e.type) ? describeOrderEvent(e.type, e.message, PANEL_CURRENCY) : null,
      at: e.createdAt.toISOString(),
    })),
    ledger: ledger.map((l) => ({
      id: l.id.toString(),
      label: ledgerKindLabel(l.kind),
      amount: toLedgerString(l.amount),
      balanceAfter: toLedgerString(l.balanceAfter),
      at: l.createdAt.toISOString(),
    })),
    refills: refills.map((r) => ({ id: r.id, state: REFILL_STATE_LABELS[r.state], at: r.createdAt.toISOString() })),
  };
}
