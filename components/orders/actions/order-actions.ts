"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { requestCancel } from "@/lib/orders";
import { requestRefill } from "@/lib/refills";

const ZOrderIdInput = z.object({ orderId: z.coerce.number().int().positive() });

export const requestRefillAction = userAction(ZOrderIdInput, async ({ orderId }, user) => {
  const result = await requestRefill(await getDb(), user.id, orderId);
  if (!result.ok) return { error: result.message };
  revalidatePath(`/orders/${orderId}`);
  return { ok: true, message: `Refill #${result.refill.id} requested.` };
});

export const requestCancelAction = userAction(ZOrderIdInput, async ({ orderId }, user) => {
  const result = await requestCancel(await getDb(), user.id, orderId);
  if (!result.ok) return { error: result.message };
  revalidatePath(`/orders/${orderId}`);
  return { ok: true, message: "Cancel requested. The refund follows when the provider confirms the cancellation." };
});
