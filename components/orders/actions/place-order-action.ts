"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { fieldMessages } from "@/lib/result";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { webOrderRefusal } from "@/lib/rate-limit/web-orders";
import { placeOrder } from "@/lib/orders";
import { ZPlaceOrderInput } from "@/lib/orders/schemas";
import { getCustomerBalance } from "@/lib/storefront/customer-balance";

export const placeOrderAction = userAction(ZPlaceOrderInput, async (input, user) => {
  const limited = await webOrderRefusal(user.id, await requestIp());
  if (limited) return { error: limited };
  // The session was just re-checked against the database: the customer is active.
  const db = await getDb();
  const result = await placeOrder(db, user.id, input, { activeCustomer: user.emailVerified });
  if (!result.ok) {
    const data = result.code === "not_enough_funds" ? { code: result.code } : undefined;
    return { error: result.fields ? undefined : result.message, fieldErrors: fieldMessages(result), data };
  }
  revalidatePath("/orders");
  revalidatePath("/dashboard");
  // The page's balance is re-rendered in this same answer.
  revalidatePath("/new-order");
  const balance = await getCustomerBalance(db, user.id);
  return {
    ok: true,
    message: result.duplicate ? `Order #${result.order.id} was already placed.` : `Order #${result.order.id} placed.`,
    data: { orderId: result.order.id, charge: result.order.charge, balance },
  };
});
