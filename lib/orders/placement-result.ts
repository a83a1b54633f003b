// What placing an order answers, for both services and products.
import type { Db } from "@/lib/db/connection";
import { fail, type Failure } from "@/lib/result";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder, type CustomerOrder } from "./customer-order";
import { findOrderByIdempotencyKey } from "./open-order";

export type PlaceOrderResult = { ok: true; order: CustomerOrder; duplicate: boolean } | Failure;

export const PLACEMENT_FAILED_MESSAGE = "The order could not be placed and your balance was refunded. Please try again later.";

/**
 * What every placement checks before anything else: an earlier order for this idempotency key
 * (a retry is answered with it even if the catalog or the account changed since), then whether
 * the customer may order at all. Null means: go on and validate.
 */
export async function checkBeforePlacing(
  db: Db,
  customerId: number,
  idempotencyKey: string | undefined,
  requestHash: string,
): Promise<PlaceOrderResult | null> {
  if (idempotencyKey) {
    const earlier = await findOrderByIdempotencyKey(db, customerId, idempotencyKey, requestHash);
    if (earlier) return earlier.ok ? resultOfPlacement(db, customerId, earlier.orderId, true) : earlier;
  }
  return customerCanOrder(db, customerId);
}

/** A refusal, or null when the customer may order. */
export async function customerCanOrder(db: Db, customerId: number): Promise<Failure | null> {
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { status: true } });
  if (!customer) return fail("no_account", "No such account.");
  if (customer.status !== "active") return fail("account_suspended", "Your account is suspended.");
  return null;
}

export async function resultOfPlacement(db: Db, customerId: number, orderId: number, duplicate: boolean): Promise<PlaceOrderResult> {
  const row = await db.order.findFirstOrThrow({ where: { id: orderId, userId: customerId }, select: CUSTOMER_ORDER_SELECT });
  // A refused order was refunded in full; to the customer that is simply "not placed" (its row
  // and refund stay in the history). A retry with the same idempotency key gets the same answer
  // as the first request did, never the refused order as if it had been placed.
  if (row.state === "failed") return fail("placement_failed", PLACEMENT_FAILED_MESSAGE, { data: { orderId } });
  return { ok: true, order: toCustomerOrder(row), duplicate };
}
