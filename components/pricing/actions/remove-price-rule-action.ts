"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { removePriceRule } from "@/lib/pricing/price-rules";
import { ZPriceRuleRef } from "@/lib/pricing/schemas";

export const removePriceRuleAction = adminAction(ZPriceRuleRef, async (input, actor) => {
  const result = await removePriceRule(await getDb(), actor, input);
  if (!result.ok) return { error: result.message };
  for (const path of ["/admin/pricing", "/admin/services", "/admin/products"]) revalidatePath(path);
  return { ok: true, message: `Rule removed: ${result.counts.up} price(s) up, ${result.counts.down} down.` };
});
