"use server";
// Mass order: preview (nothing written) and place (each line through placeOrder).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusalState, userAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { requestIp } from "@/lib/rate-limit/request-ip";
import { webOrderRefusal } from "@/lib/rate-limit/web-orders";
import { parseMassOrder, placeMassOrder, previewMassOrder } from "@/lib/storefront/mass-order";

const ZMassOrderText = z.object({ orders: z.string().max(250_000, "At most 100 lines of reasonable length.") });

export const previewMassOrderAction = userAction(ZMassOrderText, async ({ orders }, user) => {
  const preview = await previewMassOrder(await getDb(), user.id, orders);
  if (preview.error) return { fieldErrors: { orders: preview.error } };
  return { ok: true, data: { preview, text: orders } };
});

const ZPlaceMassOrder = ZMassOrderText.extend({ submissionId: z.string().max(100) });

export const placeMassOrderAction = userAction(ZPlaceMassOrder, async ({ orders, submissionId }, user) => {
  // Every line is an order, counted against the same limit as the single-order forms.
  const limited = await webOrderRefusal(user.id, await requestIp(), Math.max(1, parseMassOrder(orders).lines.length));
  if (limited) return { error: limited };
  const result = await placeMassOrder(await getDb(), user.id, { text: orders, submissionId });
  if (!result.ok) return refusalState(result);
  revalidatePath("/orders");
  revalidatePath("/dashboard");
  // The page's balance is re-rendered in this same answer.
  revalidatePath("/mass-order");
  return { ok: true, message: `${result.placed} placed, ${result.failed} not placed.`, data: { result } };
});
