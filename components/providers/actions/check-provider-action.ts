"use server";
import { plural } from "@/lib/util/plural";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { checkProviderForAdmin } from "@/lib/providers/staff-providers";
import { ZProviderRef } from "@/lib/providers/schemas";
import { getDb } from "@/lib/db/client";

// Admins only: a check writes the remembered balance and makes the server call out (staff are read-only).
export const checkProviderAction = adminAction(ZProviderRef, async ({ providerId }, actor) => {
  const result = await checkProviderForAdmin(await getDb(), actor, providerId);
  revalidatePath("/admin/providers");
  revalidatePath("/admin");
  if (!result.ok) return { error: result.message };
  const products = result.products === null ? "no product catalog" : plural(result.products, "product");
  const summary = `Balance ${result.balance} ${result.currency} · ${plural(result.services, "service")} · ${products}.`;
  return { ok: true, message: result.warning ? `${summary} ${result.warning}` : summary };
});
