"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { fieldMessages } from "@/lib/result";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { webOrderRefusal } from "@/lib/rate-limit/web-orders";
import { placeOrder } from "@/lib/orders";
import { ZPlaceOrderInput } from "@/lib/orders/schemas";

export const placeOrderAction = userAction(ZPlaceOrderInput, async (input, user) => {
  const limited = await webOrderRefusal(user.id, await requestIp());
  if (limited) return { error: limited };
  const result = await placeOrder(await getDb(), user.id, input);
  if (!result.ok) return { error: result.fields ? undefined : result.message, fieldErrors: fieldMessages(result) };
  revalidatePath("/orders");
  revalidatePath("/dashboard");
  return {
    ok: true,
    message: result.duplicate ? `Order #${result.order.id} was already placed.` : `Order #${result.order.id} placed.`,
    data: { orderId: result.order.id },
  };
});
