// What placing an order answers, for both services and products.
import type { Db } from "@/lib/db/connection";
import { CUSTOMER_ORDER_SELECT, toCustomerOrder, type CustomerOrder } from "./customer-order";

export type PlaceOrderResult =
  | { ok: true; order: CustomerOrder; duplicate: boolean }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; orderId?: number };

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
