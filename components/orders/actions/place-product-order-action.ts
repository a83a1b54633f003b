"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { fieldMessages } from "@/lib/result";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { webOrderRefusal } from "@/lib/rate-limit/web-orders";
import { placeProductOrder } from "@/lib/orders";
import { ZPlaceProductOrderInput } from "@/lib/orders/schemas";

export const placeProductOrderAction = userAction(ZPlaceProductOrderInput, async (input, user) => {
  const limited = await webOrderRefusal(user.id, await requestIp());
  if (limited) return { error: limited };
  // The session was just re-checked against the database: the customer is active.
  const result = await placeProductOrder(await getDb(), user.id, input, { activeCustomer: user.emailVerified });
  if (!result.ok) return { error: result.fields ? undefined : result.message, fieldErrors: fieldMessages(result) };
  revalidatePath("/orders");
  // The stock shown beside the form changed with this purchase (placeProductOrder counted it down).
  revalidatePath("/products");
  return { ok: true, message: `Order #${result.order.id} placed.`, data: { orderId: result.order.id } };
});
