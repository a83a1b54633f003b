"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { ZSetEnabledInput } from "@/lib/catalog/schemas";
import { setCatalogItemEnabled } from "@/lib/catalog/set-item-enabled";
import { getDb } from "@/lib/db/client";

export const setCatalogItemEnabledAction = adminAction(ZSetEnabledInput, async (input, actor) => {
  const result = await setCatalogItemEnabled(await getDb(), actor, input);
  if (!result.ok) return { error: result.message };
  revalidatePath(input.kind === "service" ? "/admin/services" : "/admin/products");
  return { ok: true, message: input.enabled ? "Enabled." : "Disabled." };
});
