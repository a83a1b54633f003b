// What an order in a given state must have been refunded, in one place for the code that refunds
// and the check that verifies it.
import type { OrderState } from "@/lib/db/generated/enums";
import { type Decimal, partialRefund } from "@/lib/money";
import type { RefundKind } from "./order-money";

/** amount null: the state needs a refund that cannot be computed (a Partial without remains). */
export type ExpectedRefund = { kind: RefundKind; amount: Decimal | null } | null;

export function expectedRefund(order: {
  state: OrderState;
  charge: Decimal;
  quantity: number;
  remains: number | null;
}): ExpectedRefund {
  switch (order.state) {
    case "failed":
      return { kind: "refund_failed", amount: order.charge };
    case "canceled":
      return { kind: "refund_canceled", amount: order.charge };
    case "partial":
      // A Partial without remains is never settled (it is flagged instead).
      if (order.remains === null) return { kind: "refund_partial", amount: null };
      return { kind: "refund_partial", amount: partialRefund(order.charge, String(order.remains), order.quantity) };
    default:
      return null;
  }
}
