"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { ZCatalogItemRef } from "@/lib/catalog/schemas";
import { clearSellRateOverride } from "@/lib/pricing/sell-rates";
import { getDb } from "@/lib/db/client";

export const clearSellRateOverrideAction = adminAction(ZCatalogItemRef, async (input, actor) => {
  const result = await clearSellRateOverride(await getDb(), actor, input);
  if (!result.ok) return { error: result.message };
  revalidatePath(input.kind === "service" ? "/admin/services" : "/admin/products");
  return { ok: true, message: `Back to markup pricing: ${result.sellRate}.` };
});
