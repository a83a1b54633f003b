"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { syncProviderCatalog } from "@/lib/providers/staff-providers";
import { ZSyncCatalogInput } from "@/lib/providers/schemas";
import { getDb } from "@/lib/db/client";
import { fieldMessages } from "@/lib/result";

const counts = (c: { created: number; updated: number; delisted: number }) => `${c.created} new, ${c.updated} updated, ${c.delisted} no longer listed`;

export const syncCatalogAction = adminAction(ZSyncCatalogInput, async (input, actor) => {
  const result = await syncProviderCatalog(await getDb(), actor, input);
  if (!result.ok) return { error: `Sync failed, nothing changed: ${result.message}`, fieldErrors: fieldMessages(result) };
  for (const path of ["/admin/providers", "/admin/services", "/admin/products"]) revalidatePath(path);
  const parts = [`Services: ${counts(result.services)}.`];
  parts.push(result.products ? `Products: ${counts(result.products)}.` : "No product catalog.");
  if (result.warnings.length) parts.push(`${result.warnings.length} warning(s), e.g. ${result.warnings[0]}.`);
  return { ok: true, message: parts.join(" ") };
});
