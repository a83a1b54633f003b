"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { placeOrder } from "@/lib/orders";
import { NOT_ENOUGH_FUNDS } from "@/lib/orders/open-order";
import { ZPlaceOrderInput } from "@/lib/orders/schemas";
import { getCustomerBalance } from "@/lib/storefront/customer-balance";

export const placeOrderAction = userAction(ZPlaceOrderInput, async (input, user) => {
  const db = await getDb();
  const result = await placeOrder(db, user.id, input);
  if (!result.ok) {
    const data = result.error === NOT_ENOUGH_FUNDS ? { code: "not_enough_funds" } : undefined;
    return { error: result.fieldErrors ? undefined : result.error, fieldErrors: result.fieldErrors, data };
  }
  revalidatePath("/orders");
  revalidatePath("/dashboard");
  const balance = await getCustomerBalance(db, user.id);
  return {
    ok: true,
    message: result.duplicate ? `Order #${result.order.id} was already placed.` : `Order #${result.order.id} placed.`,
    data: { orderId: result.order.id, charge: result.order.charge, balance },
  };
});
