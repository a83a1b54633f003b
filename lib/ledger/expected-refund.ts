// What an order in a given state must have been refunded, in one place for the code that refunds
// and the check that verifies it. Which states refund, and whether fully or partly, is the order
// state machine's money effect (lib/orders/state-machine.ts); this turns it into an amount: in
// TypeScript for ledger:verify, and as SQL for moveOrders, which refunds from the row it moves in
// the same statement. A test (expected-refund.test.ts) keeps the two equal on PostgreSQL.
import { Prisma } from "@/lib/db/generated/client";
import type { OrderState } from "@/lib/db/generated/enums";
import { type Decimal, partialRefund } from "@/lib/money";
import { moneyOnEntering } from "@/lib/orders/state-machine";

export type RefundKind = "refund_failed" | "refund_partial" | "refund_canceled";

/** amount null: the state needs a refund that cannot be computed (a Partial without remains). */
export type ExpectedRefund = { kind: RefundKind; amount: Decimal | null } | null;

/** The refund kind an order entering a refunding state gets (one refund per order, by the database). */
export const REFUND_KIND: Partial<Record<OrderState, RefundKind>> = {
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

/**
 * The same amount in SQL, for a row being moved: `effect` is the money effect of the state it
 * enters. floor6(charge × clamp(remains, 0, quantity) / quantity) is an exact integer division
 * (div) of micro-units scaled back by a multiplication: PostgreSQL's numeric division keeps about
 * 16 significant digits and would round large amounts (the test found one). NULL for
 * a partial refund without remains (the ledger refuses a NULL amount, so the move fails whole).
 */
export function refundAmountSql(effect: Prisma.Sql, charge: Prisma.Sql, quantity: Prisma.Sql, remains: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${effect}
    WHEN 'full_refund' THEN ${charge}::numeric
    WHEN 'partial_refund' THEN div(${charge}::numeric * 1000000 * LEAST(GREATEST(${remains}, 0), ${quantity}), ${quantity}) * 0.000001
  END)`;
}
