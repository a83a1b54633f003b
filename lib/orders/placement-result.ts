// What placing an order answers, for both services and products.
import type { Db } from "@/lib/db/connection";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder, type CustomerOrder } from "./customer-order";
import { findOrderByIdempotencyKey } from "./open-order";

export type PlaceOrderResult =
  | { ok: true; order: CustomerOrder; duplicate: boolean }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; orderId?: number; code?: string };

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
  const refusal = await customerCanOrder(db, customerId);
  return refusal ? { ok: false, error: refusal } : null;
}

/** A refusal message, or null when the customer may order. */
export async function customerCanOrder(db: Db, customerId: number): Promise<string | null> {
  const customer = await db.user.findUnique({ where: { id: customerId }, select: { status: true } });
  if (!customer) return "No such account.";
  if (customer.status !== "active") return "Your account is suspended.";
  return null;
}

export async function resultOfPlacement(db: Db, customerId: number, orderId: number, duplicate: boolean): Promise<PlaceOrderResult> {
  const row = await db.order.findFirstOrThrow({ where: { id: orderId, userId: customerId }, select: CUSTOMER_ORDER_SELECT });
  // A refused order was refunded in full; to the customer that is simply "not placed".
  // (Its row and refund stay in the history.)
  if (row.state === "failed" && !duplicate) {
    return { ok: false, error: "The order could not be placed and your balance was refunded. Please try again later.", orderId };
  }
  return { ok: true, order: toCustomerOrder(row), duplicate };
}
