// What people read for an order's state and history: the state in words for customers (staff read
// the state's own name, which filters, the CLI and logs use, with spaces), and the stored event
// texts ("pending → canceled (Canceled)", "refund_canceled 12.500000") told in those words, and a
// refill's state. Keyed by the database enums, so a new state does not compile until it has a name here.
import type { OrderState, RefillState } from "@/lib/db/generated/enums";
import { ledgerKindLabel } from "@/lib/ledger/labels";
import { formatMoney } from "@/lib/money/format";

export const ORDER_STATE_LABELS: Record<OrderState, string> = {
  pending_submit: "Sending",
  unknown: "Being checked",
  failed: "Not placed (refunded)",
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  partial: "Partial",
  canceled: "Canceled",
};

/** A refill's state in words, on the refills page and an order's page alike. */
export const REFILL_STATE_LABELS: Record<RefillState, string> = {
  pending_submit: "Sending",
  unknown: "Being checked",
  failed: "Refused by the provider",
  pending: "Pending",
  in_progress: "In progress",
  completed: "Completed",
  rejected: "Rejected by the provider",
};

export const staffStateLabel = (state: OrderState) => state.replace(/_/g, " ");

function stateLabel(code: string, audience: "customer" | "staff"): string {
  if (!(code in ORDER_STATE_LABELS)) return code;
  return audience === "staff" ? staffStateLabel(code as OrderState) : ORDER_STATE_LABELS[code as OrderState];
}

const STATUS_MESSAGE = /^([a-z_]+) → ([a-z_]+)(?: \(([^)]*)\))?(.*)$/s;
const REFUND_MESSAGE = /^(refund_[a-z_]+) (-?\d+(?:\.\d+)?)$/;

/**
 * An order event's stored text as people read it: "Pending → Canceled" for a customer,
 * "pending → canceled (upstream: Canceled)" for staff; "Refund: order canceled · $12.50".
 * Anything else is returned as it was written.
 */
export function describeOrderEvent(type: string, message: string, currency: string, audience: "customer" | "staff" = "customer"): string {
  if (type === "status") {
    const m = STATUS_MESSAGE.exec(message);
    if (!m) return message;
    const [, from, to, upstream, rest] = m;
    const moved = `${stateLabel(from, audience)} → ${stateLabel(to, audience)}`;
    return audience === "staff" && upstream ? `${moved} (upstream: ${upstream})${rest}` : `${moved}${rest}`;
  }
  if (type === "refund") {
    const m = REFUND_MESSAGE.exec(message);
    return m ? `${ledgerKindLabel(m[1])} · ${formatMoney(m[2], currency)}` : message;
  }
  return message;
}
