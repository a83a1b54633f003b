"use server";
import { revalidatePath } from "next/cache";
import { adminAction, refusalState } from "@/lib/actions/action-client";
import { getDb } from "@/lib/db/client";
import { setCustomerDiscount, setCustomerServicePrice } from "@/lib/pricing/set-customer-pricing";
import { ZCustomPriceInput, ZDiscountInput } from "@/lib/pricing/schemas";

export const setDiscountAction = adminAction(ZDiscountInput, async (input, actor) => {
  const result = await setCustomerDiscount(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/users/${input.customerId}`);
  return { ok: true, message: result.percent ? `Discount set to ${result.percent}%.` : "Discount removed." };
});

export const setCustomPriceAction = adminAction(ZCustomPriceInput, async (input, actor) => {
  const result = await setCustomerServicePrice(await getDb(), actor, input);
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/users/${input.customerId}`);
  if (result.sellRate === null) return { ok: true, message: `Custom price for service #${input.serviceId} removed.` };
  return { ok: true, message: `Service #${input.serviceId} now costs this customer ${result.sellRate}${result.belowCost ? " — below the upstream cost (confirmed)" : ""}.` };
});
