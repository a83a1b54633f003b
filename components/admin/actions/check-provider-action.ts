"use server";
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/action-client";
import { checkProviderForStaff } from "@/lib/admin/providers";
import { ZProviderRef } from "@/lib/admin/schemas";
import { getDb } from "@/lib/db/client";

// Staff may check: it changes no configuration, only refreshes the remembered balance.
export const checkProviderAction = staffAction(ZProviderRef, async ({ providerId }, actor) => {
  const result = await checkProviderForStaff(await getDb(), actor, providerId);
  revalidatePath("/admin/providers");
  revalidatePath("/admin");
  if (!result.ok) return { error: result.error };
  const products = result.products === null ? "no product catalog" : `${result.products} products`;
  const summary = `Balance ${result.balance} ${result.currency} · ${result.services} services · ${products}.`;
  return { ok: true, message: result.warning ? `${summary} ${result.warning}` : summary };
});
