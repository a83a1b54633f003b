// What an order in a given state must have been refunded, in one place for the code that refunds
// and the check that verifies it. Which states refund, and whether fully or partly, is the order
// state machine's money effect (lib/orders/state-machine.ts); this turns it into an amount.
import type { OrderState } from "@/lib/db/generated/enums";
import { type Decimal, partialRefund } from "@/lib/money";
import { moneyOnEntering } from "@/lib/orders/state-machine";
import type { RefundKind } from "./order-money";

/** amount null: the state needs a refund that cannot be computed (a Partial without remains). */
export type ExpectedRefund = { kind: RefundKind; amount: Decimal | null } | null;

/** The refund kind an order entering a refunding state gets (one refund per order, by the database). */
const REFUND_KIND: Partial<Record<OrderState, RefundKind>> = {
  failed: "refund_failed",
  canceled: "refund_canceled",
  partial: "refund_partial",
};

export function expectedRefund(order: {
  state: OrderState;
  charge: Decimal;
  quantity: number;
  remains: number | null;
}): ExpectedRefund {
  const effect = moneyOnEntering(order.state);
  if (effect !== "full_refund" && effect !== "partial_refund") return null;
  const kind = REFUND_KIND[order.state];
  if (!kind) throw new Error(`state ${order.state} refunds but has no refund kind`);
  if (effect === "full_refund") return { kind, amount: order.charge };
  // A Partial without remains is never settled (it is flagged instead).
  if (order.remains === null) return { kind, amount: null };
  return { kind, amount: partialRefund(order.charge, String(order.remains), order.quantity) };
}
