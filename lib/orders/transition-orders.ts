// The one way an order changes state: a conditional update (WHERE state IN from) checked against
// the transition table, the moved orders' events, and the table's money effect, all in the
// caller's transaction. Of two racing movers the loser matches nothing, so it writes no event
// and moves no money; the database's one-refund-per-order index stops anything that slips past.
import type { Prisma } from "@/lib/db/generated/client";
import { fromDb } from "@/lib/money/db-decimal";
import { expectedRefund } from "@/lib/ledger/expected-refund";
import { refundForOrder, type RefundKind } from "@/lib/ledger/order-money";
import type { Tx } from "@/lib/ledger/transaction";
import type { Decimal } from "@/lib/money";
import type { OrderEventType } from "./order-events";
import { isListedTransition, type OrderState, type TransitionActor } from "./state-machine";

export type OrderTransition = {
  /** Which orders: one id, or a set (the expiry). The state condition is added from `from`. */
  where: Prisma.OrderWhereInput;
  from: OrderState | readonly OrderState[];
  to: OrderState;
  by: TransitionActor;
  /** Columns written together with the new state. */
  data?: Omit<Prisma.OrderUpdateManyMutationInput, "state">;
  event: { type: OrderEventType; message: (order: MovedOrder) => string };
  /** Who and why, kept on the refund's ledger row (staff resolving an order). */
  refund?: { actorId?: number | null; reason?: string };
};

export type MovedOrder = { id: number; userId: number; charge: Decimal; quantity: number; remains: number | null; refunded: { kind: RefundKind; amount: Decimal } | null };

export async function transitionOrders(tx: Tx, move: OrderTransition): Promise<MovedOrder[]> {
  const from = typeof move.from === "string" ? [move.from] : [...move.from];
  const unlisted = from.filter((state) => !isListedTransition(state, move.to, move.by));
  if (unlisted.length) throw new Error(`order transition ${unlisted.join("|")} → ${move.to} by ${move.by} is not in the transition table`);
  const rows = await tx.order.updateManyAndReturn({
    where: { AND: [move.where, { state: { in: from } }] },
    data: { ...move.data, state: move.to },
    select: { id: true, userId: true, charge: true, quantity: true, remains: true },
  });
  const moved: MovedOrder[] = [];
  for (const row of rows) {
    const order = { ...row, charge: fromDb(row.charge), refunded: null as MovedOrder["refunded"] };
    const refund = expectedRefund({ state: move.to, charge: order.charge, quantity: order.quantity, remains: order.remains });
    if (refund) {
      // Throwing rolls the move back: a Partial is never settled without the remains its refund needs.
      if (!refund.amount) throw new Error(`order ${row.id}: ${move.to} needs remains to compute its refund`);
      await refundForOrder(tx, { customerId: row.userId, orderId: row.id, kind: refund.kind, amount: refund.amount, ...move.refund });
      order.refunded = { kind: refund.kind, amount: refund.amount };
    }
    moved.push(order);
  }
  if (moved.length) {
    await tx.orderEvent.createMany({
      data: moved.map((order) => ({ orderId: order.id, type: move.event.type, message: move.event.message(order).slice(0, 2000) })),
    });
  }
  return moved;
}
