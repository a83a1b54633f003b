// The order's history for staff and customers' support: every state change and every oddity.
import type { Tx } from "@/lib/ledger/transaction";
import type { Db } from "@/lib/db/connection";

export type OrderEventType =
  | "submitted"
  | "submit-failed"
  | "submit-unanswered"
  | "submit-expired"
  | "status"
  | "refund"
  | "flag"
  | "cancel-requested"
  | "resolved"
  | "refill-requested"
  | "results";

export async function recordOrderEvent(tx: Tx | Db, orderId: number, type: OrderEventType, message: string): Promise<void> {
  await tx.orderEvent.create({ data: { orderId, type, message: message.slice(0, 2000) } });
}

/**
 * Marks an order for staff attention. Repeats of the same flag (the same oddity seen on every
 * poll) are not written again, so the history stays readable.
 */
export async function flagOrder(tx: Tx | Db, orderId: number, flag: string): Promise<void> {
  const text = flag.slice(0, 500);
  const changed = await tx.order.updateMany({
    where: { id: orderId, OR: [{ flag: null }, { flag: { not: text } }] },
    data: { flag: text },
  });
  if (changed.count > 0) await recordOrderEvent(tx, orderId, "flag", text);
}
