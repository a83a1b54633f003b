"use server";
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/actions/action-client";
import { setProviderEnabled } from "@/lib/providers/staff-providers";
import { ZSetProviderEnabledInput } from "@/lib/providers/schemas";
import { getDb } from "@/lib/db/client";

export const setProviderEnabledAction = adminAction(ZSetProviderEnabledInput, async (input, actor) => {
  const result = await setProviderEnabled(await getDb(), actor, input);
  if (!result.ok) return { error: result.message };
  revalidatePath("/admin/providers");
  revalidatePath("/admin");
  return { ok: true, message: input.enabled ? "Provider enabled." : "Provider disabled: its services cannot be ordered." };
});
