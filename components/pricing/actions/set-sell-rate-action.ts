"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { ZSetSellRateInput } from "@/lib/pricing/schemas";
import { setSellRate } from "@/lib/pricing/sell-rates";
import { getDb } from "@/lib/db/client";

export const setSellRateAction = adminAction(ZSetSellRateInput, async (input, actor) => {
  const result = await setSellRate(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(input.kind === "service" ? "/admin/services" : "/admin/products");
  return { ok: true, message: result.belowCost ? `Price set to ${result.sellRate} — below the upstream cost.` : `Price set to ${result.sellRate}.` };
});
