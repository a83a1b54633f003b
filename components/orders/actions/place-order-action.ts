"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { fieldMessages } from "@/lib/result";
import { getDb } from "@/lib/db/client";
import { placeOrder } from "@/lib/orders";
import { ZPlaceOrderInput } from "@/lib/orders/schemas";

export const placeOrderAction = userAction(ZPlaceOrderInput, async (input, user) => {
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
