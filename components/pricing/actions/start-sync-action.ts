"use server";
// "Sync now": a short sync answers with its summary; a long one keeps running in this process
// after the answer, and the page shows its progress (the run row) until it ends.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { syncProviderCatalog } from "@/lib/providers/staff-providers";
import { ZSyncCatalogInput } from "@/lib/providers/schemas";
import { summaryLines } from "@/lib/catalog/sync-summary-text";
import { getDb } from "@/lib/db/client";
import { fail } from "@/lib/result";

const ANSWER_WITHIN_MS = 1500;

export const startSyncAction = adminAction(ZSyncCatalogInput, async (input, actor) => {
  const running = syncProviderCatalog(await getDb(), actor, input).catch((error: Error) => fail("sync_failed", error.message));
  const early = await Promise.race([running, new Promise<null>((resolve) => setTimeout(() => resolve(null), ANSWER_WITHIN_MS))]);
  revalidatePath("/admin/catalog-changes");
  if (early === null) {
    return { ok: true, message: "Sync started; its progress shows above." };
  }
  if (!early.ok) return { error: `Sync failed, nothing changed: ${early.message}` };
  for (const path of ["/admin/services", "/admin/products"]) revalidatePath(path);
  return { ok: true, message: `Synced. ${summaryLines(early.summary).join(" ")}` };
});
