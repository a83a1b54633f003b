"use server";
import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/action-client";
import { revokeApiKey, ZRevokeApiKeyInput } from "@/lib/api-keys";
import { getDb } from "@/lib/db/client";

export const revokeApiKeyAction = userAction(ZRevokeApiKeyInput, async (input, user) => {
  const result = await revokeApiKey(await getDb(), user.id, input.keyId);
  if (!result.ok) return { error: result.message };
  revalidatePath("/api-keys");
  return { ok: true, message: "Key revoked. Requests with it are refused from now on." };
});
