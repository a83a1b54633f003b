"use server";
import { revalidatePath } from "next/cache";
import { adminMoneyAction, refusalState } from "@/lib/actions/action-client";
import { resolveOrderForStaff } from "@/lib/admin/orders";
import { ZResolveOrderInput } from "@/lib/admin/schemas";
import { getDb } from "@/lib/db/client";

export const resolveOrderAction = adminMoneyAction("order.resolve", ZResolveOrderInput, async (input, actor) => {
  const result = await resolveOrderForStaff(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath("/admin/orders");
  revalidatePath("/admin");
  return {
    ok: true,
    message: result.state === "failed" ? `Order #${input.orderId} marked failed; its charge was refunded.` : `Order #${input.orderId} now follows upstream order ${"upstreamId" in input ? input.upstreamId : ""}.`,
  };
});
