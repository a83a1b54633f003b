// Money for orders: used only by lib/orders, always inside the transaction that also changes the
// order's state, so that a state and its money never disagree. Callers move an order into a
// refunded state with a conditional update first; only the winner of that update refunds, and the
// database's one-refund-per-order index stops anything that slips past.
import { Decimal } from "@/lib/money";
import type { Prisma } from "@/lib/db/generated/client";
import { applyBalanceChange, creditCtes } from "./balance-change";
import type { Tx } from "./transaction";

/** Takes an order's charge. Returns the balance after, or null for not enough funds. */
export function debitForOrder(tx: Tx, input: { customerId: number; orderId: number; charge: Decimal }): Promise<Decimal | null> {
  return applyBalanceChange(tx, {
    customerId: input.customerId,
    kind: "charge",
    amount: input.charge.negated(),
    orderId: input.orderId,
  });
}

export type RefundKind = "refund_failed" | "refund_partial" | "refund_canceled";

/** Gives back (part of) an order's charge. */
export async function refundForOrder(
  tx: Tx,
  input: { customerId: number; orderId: number; kind: RefundKind; amount: Decimal; reason?: string; actorId?: number | null },
): Promise<Decimal> {
  if (input.amount.lt(0)) throw new Error(`Refund for order ${input.orderId} would be negative`);
  const balance = await applyBalanceChange(tx, {
    customerId: input.customerId,
    kind: input.kind,
    amount: input.amount,
    orderId: input.orderId,
    reason: input.reason ?? null,
    actorId: input.actorId ?? null,
  });
  if (!balance) throw new Error(`Refund for order ${input.orderId} could not be applied`);
  return balance;
}

export type OrderRefund = { customerId: number; orderId: number; kind: RefundKind; amount: Decimal };

/**
 * Refunds for a batch of orders settled together, as CTEs of the caller's one statement
 * (creditCtes): only the orders in the caller's CTE `onlyOrdersIn` (those that really moved) are
 * refunded; `credited` counts the entries written. Each order once: the database refuses a second.
 */
export function refundCtes(refunds: OrderRefund[], onlyOrdersIn: string): Prisma.Sql {
  return creditCtes(refunds, onlyOrdersIn);
}
