// What placing an order answers, for both services and products.
import type { Db } from "@/lib/db/connection";
import { fail, type Failure } from "@/lib/result";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder, type CustomerOrder } from "./customer-order";

export type PlaceOrderResult = { ok: true; order: CustomerOrder; duplicate: boolean } | Failure;

export const PLACEMENT_FAILED_MESSAGE = "The order could not be placed and your balance was refunded. Please try again later.";

/** What an earlier placement answers when asked again (an idempotent retry, or an outcome other than "placed"). */
export async function resultOfPlacement(db: Db, customerId: number, orderId: number, duplicate: boolean): Promise<PlaceOrderResult> {
  const row = await db.order.findFirstOrThrow({ where: { id: orderId, userId: customerId }, select: CUSTOMER_ORDER_SELECT });
  // A refused order was refunded in full; to the customer that is simply "not placed" (its row
  // and refund stay in the history). A retry with the same idempotency key gets the same answer
  // as the first request did, never the refused order as if it had been placed.
  if (row.state === "failed") return fail("placement_failed", PLACEMENT_FAILED_MESSAGE, { data: { orderId } });
  return { ok: true, order: toCustomerOrder(row), duplicate };
}
