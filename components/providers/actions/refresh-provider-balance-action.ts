"use server";
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/action-client";
import { ZProviderRef } from "@/lib/providers/schemas";
import { refreshProviderBalance } from "@/lib/dashboard/staff-summary";
import { getDb } from "@/lib/db/client";

// Staff may refresh: reading a provider's balance changes no configuration and moves no money.
export const refreshProviderBalanceAction = staffAction(ZProviderRef, async ({ providerId }, actor) => {
  const result = await refreshProviderBalance(await getDb(), actor, providerId);
  revalidatePath("/admin");
  if (!result.ok) return { error: result.message };
  return { ok: true, message: `Balance now ${result.balance} ${result.currency}.` };
});
